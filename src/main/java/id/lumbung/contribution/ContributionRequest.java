package id.lumbung.contribution;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** A contribution received by the LED. */
@Schema(name = "ContributionRequest")
public record ContributionRequest(
        @Schema(description = "COMMUNITY_EQUITY (swadaya, no member) or SAVINGS_DEPOSIT (a member's simpanan, "
                + "taken in cash 1-1100 and credited to the member's savings).", example = "COMMUNITY_EQUITY")
        @NotNull ContributionType type,
        @Schema(description = "The depositing member, for SAVINGS_DEPOSIT only.", nullable = true)
        UUID memberId,
        @Schema(description = "Rupiah received, greater than zero.")
        @NotNull Amount amount,
        @Schema(description = "The day the money arrived; not in the future or a closed period.",
                example = "2026-03-07")
        @NotNull LocalDate receivedOn,
        @Schema(description = "What it was, for the books. Default: Modal swadaya masyarakat.",
                example = "Swadaya warga Dusun II untuk modal bergulir", nullable = true)
        @Size(max = 500) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String description,
        @Schema(description = "Cash or bank account that received it: 1-1100, 1-1200 or an account under them. "
                + "Default 1-1100 (Kas).", example = "1-1100", defaultValue = "1-1100", nullable = true)
        @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1100 or 1-1100-01")
        String account) {
}
