package id.lumbung.statement.notes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import id.lumbung.loan.portfolio.PortfolioView;
import id.lumbung.loan.quality.Kolektibilitas;
import id.lumbung.loan.quality.QualityClass;
import id.lumbung.loan.quality.QualityMeasure;
import id.lumbung.money.Amount;
import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.Statement;
import id.lumbung.statement.StatementHeader;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementTable;

/**
 * The notes to the financial statements (catatan atas laporan keuangan) as of a day, the parts that
 * can be generated (STATEMENTS.md §1.6): the accounting policies in force, the period closes with the
 * chain head each was made at, the grants received and the loan portfolio by kolektibilitas. Printed
 * as headed sections: policies as text rows with blank amounts, grants and the portfolio with theirs.
 */
@Schema(name = "StatementNotes")
public record StatementNotes(@JsonUnwrapped StatementHeader header,
        AccountingPolicies policies,
        @Schema(description = "Every close of the books through a day up to `asOf`, oldest first.")
        List<NotesSections.PeriodClose> periodCloses,
        @Schema(description = "Every grant received up to `asOf`, in the order received.")
        NotesSections.Grants grants,
        NotesSections.Portfolio portfolio,
        @JsonIgnore @Schema(hidden = true) StatementMessages labels,
        @JsonIgnore @Schema(hidden = true) NotesMessages captions,
        @JsonIgnore @Schema(hidden = true) SignatureBlock signatureBlock) implements Statement {

    @Override
    public StatementTable table() {
        List<StatementTable.Row> rows = new ArrayList<>();
        heading(rows, captions.sectionPolicies());
        text(rows, captions.itemCompliance(), policies.compliance());
        text(rows, captions.itemBasis(), policies.basis());
        text(rows, captions.itemRounding(), policies.rounding().text());
        text(rows, captions.itemAllocationOrder(), policies.allocationOrder().text());
        text(rows, captions.itemLoanQuality(), policies.loanQuality().text());
        QualityMeasure measure = policies.loanQuality().measure();
        classes(rows, policies.loanQuality().classes(), measure, "");
        if (!policies.loanQuality().weeklyClasses().equals(policies.loanQuality().classes())) {
            classes(rows, policies.loanQuality().weeklyClasses(), measure, " (" + captions.weekly() + ")");
        }
        text(rows, captions.itemLoanLossAllowance(), policies.loanLossAllowance());
        text(rows, captions.itemCashFlow(), policies.cashFlow().text());

        heading(rows, captions.sectionPeriodCloses());
        if (periodCloses.isEmpty()) {
            text(rows, "", captions.noPeriodCloses());
        }
        for (NotesSections.PeriodClose close : periodCloses) {
            text(rows, close.through().toString(), captions.periodClose(close.through().toString(),
                    close.closedAt().toString(), Long.toString(close.chainHead().number()),
                    grouped(close.chainHead().hash())));
        }

        heading(rows, captions.sectionGrants());
        if (grants.items().isEmpty()) {
            text(rows, "", captions.noGrants());
        }
        for (NotesSections.Grant grant : grants.items()) {
            String what = grant.reversed() ? captions.grantReversed(grant.source(), grant.decreeNumber())
                    : captions.grant(grant.source(), grant.decreeNumber());
            rows.add(row(StatementTable.Kind.LINE, grant.receivedOn().toString(), what, grant.amount(), null));
        }
        rows.add(row(StatementTable.Kind.SUBTOTAL, "", captions.grantsTotal(), grants.total(), null));

        heading(rows, captions.sectionPortfolio());
        for (PortfolioView.ClassFigures c : portfolio.byClass()) {
            rows.add(row(StatementTable.Kind.LINE, className(c.kolektibilitas()),
                    captions.portfolioClass(Integer.toString(c.loans()), percent(new BigDecimal(c.provisionRate()))),
                    c.outstanding(), c.provisionRequired()));
        }
        rows.add(row(StatementTable.Kind.TOTAL, "", captions.portfolioTotal(Integer.toString(portfolio.loans())),
                portfolio.outstandingPrincipal(), portfolio.provisionRequired()));
        rows.add(row(StatementTable.Kind.LINE, "", captions.provisionBooked(), null, portfolio.provisionBooked()));
        return new StatementTable(List.of(captions.columnItem(), labels.columnDescription()),
                List.of(captions.columnAmount(), captions.columnAllowance()), rows);
    }

    /** One row per class: its name, its band of the measure and its rate. */
    private void classes(List<StatementTable.Row> rows, List<QualityClass> classes, QualityMeasure measure,
            String suffix) {
        String unit = measure == QualityMeasure.DAYS_PAST_DUE ? captions.unitDaysPastDue()
                : captions.unitMissedInstallments();
        Integer previous = null;
        for (QualityClass c : classes) {
            int lower = previous == null ? 0 : previous + 1;
            String band = c.upTo() == null ? captions.bandAbove(Integer.toString(previous), unit)
                    : lower == c.upTo() ? captions.bandExactly(Integer.toString(lower), unit)
                    : captions.bandRange(Integer.toString(lower), Integer.toString(c.upTo()), unit);
            text(rows, className(c.kolektibilitas()) + suffix,
                    captions.qualityClass(band, percent(c.rate())));
            previous = c.upTo();
        }
    }

    /**
     * A hash in groups of eight, as fingerprints are printed: 64 unbroken characters are wider than the
     * description column of an A4 page and would push the amounts off it. JSON keeps the hash whole.
     */
    static String grouped(String hash) {
        StringBuilder out = new StringBuilder(hash.length() + hash.length() / 8);
        for (int i = 0; i < hash.length(); i += 8) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(hash, i, Math.min(hash.length(), i + 8));
        }
        return out.toString();
    }

    private String className(Kolektibilitas kolektibilitas) {
        return switch (kolektibilitas) {
            case LANCAR -> captions.classLancar();
            case DALAM_PERHATIAN_KHUSUS -> captions.classDalamPerhatianKhusus();
            case KURANG_LANCAR -> captions.classKurangLancar();
            case DIRAGUKAN -> captions.classDiragukan();
            case MACET -> captions.classMacet();
        };
    }

    /** A fraction of one as a percent without trailing zeros: 0.05 → 5, 1 → 100. */
    private static String percent(BigDecimal fraction) {
        BigDecimal percent = fraction.movePointRight(2).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString();
    }

    private static void heading(List<StatementTable.Row> rows, String caption) {
        rows.add(row(StatementTable.Kind.HEADING, "", caption, null, null));
    }

    private static void text(List<StatementTable.Row> rows, String item, String text) {
        rows.add(row(StatementTable.Kind.LINE, item, text, null, null));
    }

    private static StatementTable.Row row(StatementTable.Kind kind, String item, String text, Amount amount,
            Amount allowance) {
        return new StatementTable.Row(kind, kind == StatementTable.Kind.LINE ? 1 : 0, List.of(item, text),
                Arrays.asList(amount, allowance));
    }

    @Override
    public String fileStem() {
        return "notes-" + header.asOf();
    }
}
