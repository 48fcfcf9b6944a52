package id.lumbung.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import id.lumbung.money.Amount;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The PDF rendering of a statement: the statement's table through a Qute XHTML template, laid out
 * on A4 by openhtmltopdf on PDFBox with DejaVu Sans embedded (subset), so any name renders and the
 * file needs no font on the reader's machine. Amounts are formatted for people here only
 * ({@code 1.234.567,00} in Indonesian, {@code 1,234,567.00} in English); CSV and JSON keep plain
 * decimals. Blocking and CPU-bound: it runs on the worker thread of the resource method.
 */
@ApplicationScoped
public class PdfStatementWriter {

    private static final String FONT = "DejaVu Sans";

    /** One header field as printed. */
    public record Field(String name, String value) {
    }

    /** One table row as printed: kind for the CSS class, indent in millimetres, formatted amounts. */
    public record PrintedRow(String kind, int indent, List<String> texts, List<String> amounts) {
    }

    /** One signer as printed: the title in the statement's language, the name below the space to sign. */
    public record PrintedSignatory(String title, String name) {
    }

    private final Template template;

    public PdfStatementWriter(@Location("statement-pdf.html") Template template) {
        this.template = template;
    }

    public byte[] write(Statement statement, StatementLanguage language) {
        StatementMessages labels = language.messages();
        StatementHeader h = statement.header();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
        String period = h.asOf() != null ? labels.fieldAsOf() + " " + dates.format(h.asOf())
                : dates.format(h.from()) + " – " + dates.format(h.to());
        List<Field> fields = List.of(
                new Field(labels.fieldLedCode(), h.led().code()),
                new Field(labels.fieldBasis(), h.basis()),
                new Field(labels.fieldGeneratedAt(), h.generatedAt().toString()),
                new Field(labels.fieldChainNumber(), Long.toString(h.chainHead().number())),
                new Field(labels.fieldChainHash(), h.chainHead().hash()),
                new Field(labels.fieldEntryCount(), Long.toString(h.entryCount())));
        DecimalFormat amounts = amountFormat(language);
        StatementTable table = statement.table();
        List<PrintedRow> rows = new ArrayList<>(table.rows().size());
        for (StatementTable.Row row : table.rows()) {
            List<String> printed = new ArrayList<>(row.amounts().size());
            for (Amount amount : row.amounts()) {
                printed.add(amount == null ? "" : amounts.format(amount.value()));
            }
            rows.add(new PrintedRow(row.kind().name(), 1 + 4 * row.level(), row.texts(), printed));
        }
        String html = template.instance()
                .data("lang", language.tag())
                .data("header", h)
                .data("period", period)
                .data("fields", fields)
                .data("textColumns", table.textColumns())
                .data("amountColumns", table.amountColumns())
                .data("rows", rows)
                .data("pageWord", labels.page())
                .data("pageOfWord", labels.pageOf())
                .data("footer", h.title() + " · " + h.chainHead().hash().substring(0, 12))
                .data("signedAt", signedAt(statement, dates))
                .data("signatories", signatories(statement.signatureBlock(), language))
                .render();
        return render(html);
    }

    /** "Kuok, 31 Desember 2026": the place (default the LED's village) and the statement's day. */
    private static String signedAt(Statement statement, DateTimeFormatter dates) {
        StatementHeader h = statement.header();
        String place = statement.signatureBlock().place() != null ? statement.signatureBlock().place()
                : h.led().village();
        return place + ", " + dates.format(h.asOf() != null ? h.asOf() : h.to());
    }

    private static List<PrintedSignatory> signatories(SignatureBlock block, StatementLanguage language) {
        List<PrintedSignatory> printed = new ArrayList<>(block.signatories().size());
        for (Signatory signatory : block.signatories()) {
            printed.add(new PrintedSignatory(language == StatementLanguage.ID ? signatory.title()
                    : signatory.titleEn(), signatory.name()));
        }
        return printed;
    }

    private static DecimalFormat amountFormat(StatementLanguage language) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(language.locale());
        if (language == StatementLanguage.ID) {
            // Indonesian books write 1.234.567,00 whatever the JDK's locale data says.
            symbols.setGroupingSeparator('.');
            symbols.setDecimalSeparator(',');
        } else {
            symbols.setGroupingSeparator(',');
            symbols.setDecimalSeparator('.');
        }
        symbols.setMinusSign('-');
        return new DecimalFormat("#,##0.00", symbols);
    }

    /** Formats an amount the way the PDF prints it (tests compare the extracted text with this). */
    public static String formatted(BigDecimal amount, StatementLanguage language) {
        return amountFormat(language).format(amount);
    }

    private static byte[] render(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        InputStream in = PdfStatementWriter.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("font " + file + " is missing from the build");
        }
        return in;
    }
}
