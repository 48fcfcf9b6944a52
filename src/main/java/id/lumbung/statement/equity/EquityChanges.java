package id.lumbung.statement.equity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import id.lumbung.money.Amount;
import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.Statement;
import id.lumbung.statement.StatementHeader;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementTable;

/**
 * The statement of changes in equity (laporan perubahan ekuitas) for a period: each equity account's
 * opening balance, its movements by kind and its closing balance, then the surplus not yet closed
 * into retained surplus as a row of its own, so the total's closing is the balance sheet's equity on
 * the last day. Printed as Indonesian practice lays it out (STATEMENTS.md §1.5): a block per account
 * down one amount column, which fits A4 however many equity accounts the chart has.
 */
@Schema(name = "EquityChanges")
public record EquityChanges(@JsonUnwrapped StatementHeader header,
        @Schema(description = "The day the opening balances are as of: the day before `from`.",
                example = "2025-12-31") LocalDate openingAsOf,
        @Schema(description = "Every equity account of the chart, in code order.") List<EquityRow> accounts,
        @Schema(description = "Income less expenses still in their accounts: opening as of `openingAsOf`, the "
                + "period's surplus, what a year-end close moved out, closing as of `to`.")
        EquityRow unclosedSurplus,
        @Schema(description = "The accounts and the unclosed surplus together; `closing` equals the balance "
                + "sheet's `equity.total.amount` as of `to`.") EquityRow total,
        @JsonIgnore @Schema(hidden = true) StatementMessages labels,
        @JsonIgnore @Schema(hidden = true) EquityMessages captions,
        @JsonIgnore @Schema(hidden = true) SignatureBlock signatureBlock) implements Statement {

    @Override
    public StatementTable table() {
        List<StatementTable.Row> rows = new ArrayList<>();
        for (EquityRow row : accounts) {
            block(rows, row.account(), row.name(), row, StatementTable.Kind.SUBTOTAL);
        }
        block(rows, "", captions.unclosedSurplus(), unclosedSurplus, StatementTable.Kind.SUBTOTAL);
        block(rows, "", captions.totalEquity(), total, StatementTable.Kind.TOTAL);
        return new StatementTable(List.of(labels.columnCode(), labels.columnDescription()),
                List.of(header.from() + " – " + header.to()), rows);
    }

    /** A heading, the opening, each movement that is not zero, the closing. */
    private void block(List<StatementTable.Row> rows, String code, String caption, EquityRow row,
            StatementTable.Kind closingKind) {
        rows.add(new StatementTable.Row(StatementTable.Kind.HEADING, 0, List.of(code, caption),
                Arrays.asList((Amount) null)));
        rows.add(line(StatementTable.Kind.LINE, code, captions.opening(), row.opening()));
        for (EquityMovementKind kind : EquityMovementKind.values()) {
            Amount amount = row.movements().get(kind);
            if (!amount.isZero()) {
                rows.add(line(StatementTable.Kind.LINE, code, kind.label(captions), amount));
            }
        }
        rows.add(line(closingKind, code, captions.closing(), row.closing()));
    }

    private static StatementTable.Row line(StatementTable.Kind kind, String code, String caption, Amount amount) {
        return new StatementTable.Row(kind, kind == StatementTable.Kind.LINE ? 1 : 0, List.of(code, caption),
                List.of(amount));
    }

    @Override
    public String fileStem() {
        return "equity-changes-" + header.from() + "-" + header.to();
    }
}
