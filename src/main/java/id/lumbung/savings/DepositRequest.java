package id.lumbung.savings;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** Money a member brings in to their savings (setoran simpanan). */
@Schema(name = "SavingsDepositRequest")
public record DepositRequest(
        @Schema(description = "Rupiah received, greater than zero, at most two decimals; a JSON number is also "
                + "accepted and read exactly.")
        @NotNull Amount amount,
        @Schema(description = "The day the cash was received; not in the future or a closed period.",
                example = "2026-03-07")
        @NotNull LocalDate receivedOn,
        @Schema(description = "For the books. Default: Setoran simpanan and the member's name.",
                example = "Setoran simpanan wajib Maret", nullable = true)
        @Size(max = 500) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String description) {
}
