package id.lumbung.savings;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** Money paid out of a member's savings (penarikan simpanan). */
@Schema(name = "SavingsWithdrawalRequest")
public record WithdrawalRequest(
        @Schema(description = "Rupiah paid out, greater than zero and at most the member's savings balance.")
        @NotNull Amount amount,
        @Schema(description = "The day the cash was paid; not in the future or a closed period.",
                example = "2026-03-21")
        @NotNull LocalDate paidOn,
        @Schema(description = "For the books. Default: Penarikan simpanan and the member's name.",
                example = "Penarikan simpanan untuk biaya sekolah", nullable = true)
        @Size(max = 500) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String description) {
}
