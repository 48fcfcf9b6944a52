package id.lumbung.ledger.journal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.Side;
import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;

/** One line of a journal entry request. */
@Schema(name = "PostingRequest")
public record PostingRequest(
        @Schema(description = "Account code in the LED's chart.", example = "1-1100")
        @NotBlank @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1100 or 2-1100-0007")
        String account,
        @Schema(example = "DEBIT") @NotNull Side side,
        @Schema(type = SchemaType.STRING, example = "1500000.00",
                description = "Rupiah, greater than zero, at most two decimals; a JSON number is also accepted "
                        + "and read exactly.")
        @NotNull Amount amount) {
}
