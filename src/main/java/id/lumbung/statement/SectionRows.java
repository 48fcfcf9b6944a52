package id.lumbung.statement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import id.lumbung.money.Amount;

/**
 * Lays a grouped statement's sections out as table rows for CSV and PDF: a heading per section and
 * group, an account with sub-accounts as a heading, its own figure, its sub-accounts indented and a
 * subtotal, so no figure is printed twice in one column and every column still adds up.
 */
public final class SectionRows {

    private final List<StatementTable.Row> rows = new ArrayList<>();
    private final String totalWord;

    /** @param totalWord "Jumlah" / "Total", put before the caption of a subtotal */
    public SectionRows(String totalWord) {
        this.totalWord = totalWord;
    }

    public SectionRows section(StatementSection section) {
        heading(0, "", section.caption());
        if (section.groups().size() == 1) {
            // One group (equity) is the section itself: no second heading and subtotal saying the same.
            section.groups().get(0).lines().forEach(line -> line(1, line));
        } else {
            for (StatementGroupLines group : section.groups()) {
                if (group.lines().isEmpty()) {
                    continue; // the JSON keeps every group; a printed page need not head an empty one
                }
                heading(1, "", group.caption());
                for (StatementLine line : group.lines()) {
                    line(2, line);
                }
                row(StatementTable.Kind.SUBTOTAL, 1, "", totalWord + " " + group.caption(), group.total());
            }
        }
        row(StatementTable.Kind.SUBTOTAL, 0, "", totalWord + " " + section.caption(), section.total());
        return this;
    }

    /** A computed figure on its own line (the current year's surplus, the surplus for the period). */
    public SectionRows line(StatementTable.Kind kind, int level, String caption, Figures figures) {
        row(kind, level, "", caption, figures);
        return this;
    }

    /** A heading of the statement's own (an activity, "cash received"). */
    public SectionRows heading(int level, String caption) {
        heading(level, "", caption);
        return this;
    }

    /** One account's line, with the accounts under it as in a section. */
    public SectionRows account(int level, StatementLine line) {
        line(level, line);
        return this;
    }

    public List<StatementTable.Row> rows() {
        return rows;
    }

    private void line(int level, StatementLine line) {
        String code = line.account() == null ? "" : line.account();
        if (line.accounts().isEmpty()) {
            row(StatementTable.Kind.LINE, level, code, line.name(), line.figures());
            return;
        }
        heading(level, code, line.name());
        Figures own = line.figures();
        for (StatementLine child : line.accounts()) {
            own = own.minus(child.figures());
        }
        if (!own.amount().isZero() || !own.comparative().isZero()) {
            row(StatementTable.Kind.LINE, level + 1, code, line.name(), own);
        }
        for (StatementLine child : line.accounts()) {
            line(level + 1, child);
        }
        row(StatementTable.Kind.SUBTOTAL, level, "", totalWord + " " + line.name(), line.figures());
    }

    private void heading(int level, String code, String caption) {
        rows.add(new StatementTable.Row(StatementTable.Kind.HEADING, level, List.of(code, caption),
                Arrays.asList((Amount) null, null)));
    }

    private void row(StatementTable.Kind kind, int level, String code, String caption, Figures figures) {
        rows.add(new StatementTable.Row(kind, level, List.of(code, caption),
                List.of(figures.amount(), figures.comparative())));
    }
}
