package id.lumbung.statement;

import java.util.List;

import id.lumbung.money.Amount;

/**
 * A statement laid out as a table, for the formats that print rows (CSV, PDF): text columns (code,
 * caption) then amount columns (the period and its comparatives). Built from the statement's one
 * model, so a figure cannot differ between formats.
 */
public record StatementTable(List<String> textColumns, List<String> amountColumns, List<Row> rows) {

    /** What a row is, for the renderers' emphasis (a heading in bold, a total ruled above). */
    public enum Kind {
        HEADING, LINE, SUBTOTAL, TOTAL
    }

    /** One row: as many texts as text columns, as many amounts (null for a blank cell) as amount columns. */
    public record Row(Kind kind, int level, List<String> texts, List<Amount> amounts) {
    }
}
