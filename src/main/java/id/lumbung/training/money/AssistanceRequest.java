package id.lumbung.training.money;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** Capital assistance (bantuan modal) given to a trainee. */
@Schema(name = "AssistanceRequest")
public record AssistanceRequest(
        @Schema(example = "IN_KIND") @NotNull AssistanceKind kind,
        @Schema(example = "Mesin press plastik dan 500 kemasan") @NotBlank @Size(max = 500)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String description,
        @Schema(description = "Rupiah value, greater than zero (what it cost, for assistance in kind).")
        @NotNull Amount value,
        @Schema(description = "Not in the future (or, paid by the LED, a closed period).", example = "2026-09-15")
        @NotNull LocalDate givenOn,
        @Schema(description = "The grant of this LED whose use it counts in.",
                example = "0193a5c2-11aa-7e0f-b3c4-000000000001", nullable = true) UUID grantId,
        @Schema(description = "True: the LED paid it, and an entry books it (Dr 5-1500 Beban Bantuan Modal · Cr "
                + "`paidFrom`). False: a sponsor gave it directly; recorded without an entry, `sponsor` required.",
                example = "true") @NotNull Boolean paidByLed,
        @Schema(description = "Who gave it, when not the LED.", example = "CSR PT Pertamina Hulu Rokan",
                nullable = true) @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String sponsor,
        @Schema(description = "Paid by the LED only: the cash or bank account (default 1-1100 Kas).",
                example = "1-1100", nullable = true) @Pattern(regexp = AccountService.CODE_PATTERN,
                message = "must look like 1-1100 or 1-1100-01") String paidFrom) {
}
