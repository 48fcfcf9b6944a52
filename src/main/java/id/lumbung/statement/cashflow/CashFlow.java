package id.lumbung.statement.cashflow;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import id.lumbung.statement.Figures;
import id.lumbung.statement.SectionRows;
import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.Statement;
import id.lumbung.statement.StatementHeader;
import id.lumbung.statement.StatementLine;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementTable;
import id.lumbung.statement.settings.LendingCashFlow;

/**
 * The cash-flow statement (laporan arus kas), direct method, for a period beside the same period a
 * year earlier: per activity the cash received and paid through each account on the other side of
 * the entries that moved cash or bank, then the net change, which always takes the opening cash and
 * bank to the closing.
 */
@Schema(name = "CashFlow")
public record CashFlow(@JsonUnwrapped StatementHeader header,
        @Schema(example = "2025-01-01") LocalDate comparativeFrom,
        @Schema(example = "2025-06-30") LocalDate comparativeTo,
        @Schema(description = "Where loans to members are classified (statement settings).")
        LendingCashFlow lendingCashFlow,
        @Schema(description = "Cash and bank at the start of the period; the opening balances carried over from "
                + "paper books count here when they are dated in the period.") Figures opening,
        List<Activity> activities,
        @Schema(description = "The activities' nets together: closing − opening.") Figures netChange,
        @Schema(description = "Cash and bank at the end of the period.") Figures closing,
        @JsonIgnore @Schema(hidden = true) StatementMessages labels,
        @JsonIgnore @Schema(hidden = true) SignatureBlock signatureBlock) implements Statement {

    /** One activity: cash received and paid per account (paid negative), and its net. */
    @Schema(name = "CashFlowActivity")
    public record Activity(CashFlowActivity activity, @Schema(example = "Arus Kas dari Aktivitas Operasi")
            String caption, List<StatementLine> received, List<StatementLine> paid, Figures net) {
    }

    @Override
    public StatementTable table() {
        SectionRows rows = new SectionRows(labels.total());
        rows.line(StatementTable.Kind.LINE, 0, labels.cashFlowOpening(), opening);
        for (Activity activity : activities) {
            rows.heading(0, activity.caption());
            if (!activity.received().isEmpty()) {
                rows.heading(1, labels.cashFlowReceived());
                activity.received().forEach(line -> rows.account(2, line));
            }
            if (!activity.paid().isEmpty()) {
                rows.heading(1, labels.cashFlowPaid());
                activity.paid().forEach(line -> rows.account(2, line));
            }
            rows.line(StatementTable.Kind.SUBTOTAL, 0, activity.activity().netCaption(labels), activity.net());
        }
        rows.line(StatementTable.Kind.SUBTOTAL, 0, labels.cashFlowNetChange(), netChange);
        rows.line(StatementTable.Kind.TOTAL, 0, labels.cashFlowClosing(), closing);
        return new StatementTable(List.of(labels.columnCode(), labels.columnDescription()),
                List.of(header.from() + " – " + header.to(), comparativeFrom + " – " + comparativeTo), rows.rows());
    }

    @Override
    public String fileStem() {
        return "cash-flow-" + header.from() + "-" + header.to();
    }
}
