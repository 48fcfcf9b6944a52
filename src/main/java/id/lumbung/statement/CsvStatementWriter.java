package id.lumbung.statement;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import id.lumbung.money.Amount;

/**
 * RFC 4180 CSV (CRLF, UTF-8) of a statement: its header as {@code field,value} rows, an empty row,
 * then the table with its header row. Amounts are plain decimals; a text cell a spreadsheet would
 * run as a formula gets a leading apostrophe (amount cells never do: a negative amount stays a number).
 */
public final class CsvStatementWriter {

    private CsvStatementWriter() {
    }

    public static byte[] write(Statement statement, StatementMessages labels) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            StatementHeader h = statement.header();
            field(csv, labels.fieldStatement(), h.statement());
            field(csv, labels.fieldTitle(), h.title());
            field(csv, labels.fieldLedCode(), h.led().code());
            field(csv, labels.fieldLedName(), h.led().name());
            field(csv, labels.fieldVillage(), h.led().village());
            field(csv, labels.fieldDistrict(), h.led().district());
            if (h.asOf() != null) {
                field(csv, labels.fieldAsOf(), h.asOf().toString());
            }
            if (h.from() != null) {
                field(csv, labels.fieldFrom(), h.from().toString());
                field(csv, labels.fieldTo(), h.to().toString());
            }
            field(csv, labels.fieldBasis(), h.basis());
            field(csv, labels.fieldCurrency(), h.currency());
            field(csv, labels.fieldGeneratedAt(), h.generatedAt().toString());
            field(csv, labels.fieldChainNumber(), Long.toString(h.chainHead().number()));
            field(csv, labels.fieldChainHash(), h.chainHead().hash());
            field(csv, labels.fieldEntryCount(), Long.toString(h.entryCount()));
            csv.println();
            StatementTable table = statement.table();
            List<String> columns = new ArrayList<>();
            table.textColumns().forEach(c -> columns.add(guard(c)));
            table.amountColumns().forEach(c -> columns.add(guard(c)));
            csv.printRecord(columns);
            for (StatementTable.Row row : table.rows()) {
                List<String> cells = new ArrayList<>();
                row.texts().forEach(t -> cells.add(guard(t)));
                for (Amount amount : row.amounts()) {
                    cells.add(amount == null ? "" : amount.value().toPlainString());
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(CSVPrinter csv, String name, String value) throws IOException {
        csv.printRecord(guard(name), guard(value));
    }

    /** OWASP's CSV-injection guard, for text cells only. */
    static String guard(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
