package id.lumbung.statement;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.money.Amount;
import id.lumbung.platform.openapi.ContractFilter;

/**
 * One line of a grouped statement: an account with the accounts under it in the chart. Its amounts
 * include theirs, so a reader who wants only the top level reads the top level; {@code accounts}
 * shows how it is made up. A line without {@code account} is a figure the statement computes (the
 * current year's surplus on the balance sheet).
 */
@Schema(name = "StatementLine")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementLine(
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                description = "The account's code; absent on a computed line.", example = "1-1300")
        String account,
        @Schema(example = "Piutang Pinjaman Anggota") String name,
        @Schema(description = "Signed by the section: a contra account (the loan-loss allowance) is negative.",
                example = "85000000.00") Amount amount,
        @Schema(example = "70000000.00") Amount comparative,
        @Schema(description = "The accounts under this one in the chart, in code order; empty for most.")
        List<StatementLine> accounts) {

    public Figures figures() {
        return new Figures(amount, comparative);
    }
}
