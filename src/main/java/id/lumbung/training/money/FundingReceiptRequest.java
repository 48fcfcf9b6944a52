package id.lumbung.training.money;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** Money a funder paid for the programme. */
@Schema(name = "FundingReceiptRequest")
public record FundingReceiptRequest(
        @Schema(description = "The name of one of the programme's funding lines.",
                example = "CSR PT Pertamina Hulu Rokan") @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String fundingLine,
        @Schema(description = "Rupiah received, greater than zero.") @NotNull Amount amount,
        @Schema(description = "Not in the future or a closed period.", example = "2026-03-10")
        @NotNull LocalDate receivedOn,
        @Schema(description = "The cash or bank account it came into (default 1-1200 Bank).", example = "1-1200",
                nullable = true) @Pattern(regexp = AccountService.CODE_PATTERN,
                message = "must look like 1-1200 or 1-1200-01") String account) {
}
