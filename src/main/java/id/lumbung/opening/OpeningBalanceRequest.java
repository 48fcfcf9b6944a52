package id.lumbung.opening;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** Opening balances as JSON: the date they stand at and one line per account. */
@Schema(name = "OpeningBalanceRequest")
public record OpeningBalanceRequest(
        @Schema(description = "The day the paper books were closed and these balances stand at; not in the future "
                + "or a closed period.", example = "2025-12-31")
        @NotNull LocalDate effectiveDate,
        @Schema(description = "For the entry. Default: Saldo awal per <effectiveDate>.",
                example = "Saldo awal dari buku kas manual 2025", nullable = true)
        @Size(max = 500) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String description,
        @Schema(description = "One line per account, 2 to " + OpeningLines.MAX_LINES + "; debits must equal "
                + "credits. Put any difference on 3-1900 Ekuitas Saldo Awal.")
        @NotNull @Size(min = 2, max = OpeningLines.MAX_LINES, message = "2 to " + OpeningLines.MAX_LINES + " lines")
        List<@NotNull @Valid Line> lines) {

    /** One account's opening balance: exactly one of debit and credit is greater than zero. */
    @Schema(name = "OpeningBalanceLine")
    public record Line(
            @Schema(description = "Account code in the LED's chart.", example = "1-1100")
            @NotBlank @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1100 or 2-1100-0007")
            String account,
            @Schema(description = "Debit balance; empty or 0 when the balance is a credit.", nullable = true)
            Amount debit,
            @Schema(description = "Credit balance; empty or 0 when the balance is a debit.", nullable = true)
            Amount credit) {
    }
}
