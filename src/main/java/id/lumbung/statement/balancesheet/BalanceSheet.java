package id.lumbung.statement.balancesheet;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import id.lumbung.money.Amount;
import id.lumbung.statement.Figures;
import id.lumbung.statement.SectionRows;
import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.Statement;
import id.lumbung.statement.StatementHeader;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementSection;
import id.lumbung.statement.StatementTable;

/**
 * The balance sheet (laporan posisi keuangan) as of a day, with the previous year-end beside it:
 * assets, liabilities and equity, grouped by the LED's statement mapping and the chart's parents.
 * Equity includes the surplus not yet closed into retained surplus, so assets always equal
 * liabilities plus equity.
 */
@Schema(name = "BalanceSheet")
public record BalanceSheet(@JsonUnwrapped StatementHeader header,
        @Schema(description = "The day of the comparative column: the previous year-end.", example = "2025-12-31")
        LocalDate comparativeAsOf,
        StatementSection assets,
        StatementSection liabilities,
        @Schema(description = "Equity accounts, and as a line without account the income less expenses not yet "
                + "closed into retained surplus.") StatementSection equity,
        @Schema(description = "Income less expenses not yet closed by a year-end close (included in equity).")
        Figures currentYearSurplus,
        @Schema(description = "Liabilities plus equity: always equal to the assets' total.")
        Figures liabilitiesAndEquity,
        @Schema(description = "Loans to members as of the day, the allowance against them, and the net.")
        Loans loans,
        @JsonIgnore @Schema(hidden = true) StatementMessages labels,
        @JsonIgnore @Schema(hidden = true) SignatureBlock signatureBlock) implements Statement {

    /** Loans receivable net of the loan-loss allowance (PPAP), as of the statement's day. */
    @Schema(name = "BalanceSheetLoans")
    public record Loans(@Schema(description = "Outstanding principal: the loans receivable account and those "
            + "under it.", example = "85000000.00") Amount receivable,
            @Schema(description = "The loan-loss allowance, as a positive amount.", example = "2150000.00")
            Amount allowance,
            @Schema(example = "82850000.00") Amount net) {
    }

    @Override
    public StatementTable table() {
        SectionRows rows = new SectionRows(labels.total()).section(assets).section(liabilities).section(equity)
                .line(StatementTable.Kind.TOTAL, 0, labels.liabilitiesAndEquity(), liabilitiesAndEquity);
        return new StatementTable(List.of(labels.columnCode(), labels.columnDescription()),
                List.of(header.asOf().toString(), comparativeAsOf.toString()), rows.rows());
    }

    @Override
    public String fileStem() {
        return "balance-sheet-" + header.asOf();
    }
}
