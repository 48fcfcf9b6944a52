package id.lumbung.statement.trialbalance;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import id.lumbung.ledger.AccountType;
import id.lumbung.money.Amount;
import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.Statement;
import id.lumbung.statement.StatementHeader;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementTable;

/** The trial balance (neraca saldo): every account's net balance in its debit or credit column. */
@Schema(name = "TrialBalance")
public record TrialBalance(@JsonUnwrapped StatementHeader header, List<Line> lines, Totals totals,
        @JsonIgnore @Schema(hidden = true) StatementMessages labels,
        @JsonIgnore @Schema(hidden = true) SignatureBlock signatureBlock) implements Statement {

    /** One account: its net balance in the column its sign puts it in, the other column zero. */
    @Schema(name = "TrialBalanceLine")
    public record Line(@Schema(example = "1-1100") String account, @Schema(example = "Kas") String name,
            AccountType type, Amount debit, Amount credit) {
    }

    /** The column totals: always equal, because every entry balances. */
    @Schema(name = "TrialBalanceTotals")
    public record Totals(Amount debit, Amount credit) {
    }

    @Override
    public StatementTable table() {
        List<StatementTable.Row> rows = new ArrayList<>();
        for (Line line : lines) {
            rows.add(new StatementTable.Row(StatementTable.Kind.LINE, 0,
                    List.of(line.account(), line.name(), typeLabel(line.type())),
                    List.of(line.debit(), line.credit())));
        }
        rows.add(new StatementTable.Row(StatementTable.Kind.TOTAL, 0, List.of("", labels.total(), ""),
                List.of(totals.debit(), totals.credit())));
        return new StatementTable(List.of(labels.columnAccount(), labels.columnName(), labels.columnType()),
                List.of(labels.columnDebit(), labels.columnCredit()), rows);
    }

    @Override
    public String fileStem() {
        return "trial-balance-" + header.asOf();
    }

    private String typeLabel(AccountType type) {
        return switch (type) {
            case ASSET -> labels.typeAsset();
            case LIABILITY -> labels.typeLiability();
            case EQUITY -> labels.typeEquity();
            case INCOME -> labels.typeIncome();
            case EXPENSE -> labels.typeExpense();
        };
    }
}
