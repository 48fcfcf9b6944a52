package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import id.lumbung.support.Village;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The PDF trial balance, read back with PDFBox: the LED's name, the chain-head hash, the totals as
 * the JSON states them (formatted for the language), page numbers, and no replacement glyph, in
 * Indonesian and in English.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PdfStatementTest {

    private static Village village;

    @BeforeEach
    void village() {
        if (village == null) {
            village = Village.of("Pdf" + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    @Test
    void indonesian() throws Exception {
        check("id", StatementLanguage.ID, "Neraca Saldo", "Halaman 1 dari 1", "dalam Rupiah");
    }

    @Test
    void english() throws Exception {
        check("en", StatementLanguage.EN, "Trial Balance", "Page 1 of 1", "in Rupiah");
    }

    private void check(String header, StatementLanguage language, String title, String pages, String currency)
            throws Exception {
        String url = village.base() + "/statements/trial-balance?asOf=" + Village.day(-1);
        Response json = as(Tokens.auditor(village.led)).get(url);
        Response pdf = as(Tokens.auditor(village.led)).accept("application/pdf").header("Accept-Language", header)
                .get(url);
        pdf.then().statusCode(200).contentType("application/pdf").header("Content-Language", header);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            text = new PDFTextStripper().getText(document);
        }
        String name = json.path("led.name");
        String hash = json.path("chainHead.hash");
        String total = PdfStatementWriter.formatted(new BigDecimal(json.<String>path("totals.debit")), language);
        assertTrue(text.contains(name), text);
        assertTrue(text.contains(hash), text);
        assertTrue(text.contains(title), text);
        assertTrue(text.contains(pages), text);
        assertTrue(text.contains(currency), text);
        assertTrue(text.contains(total), total + " in " + text);
        assertEquals(2, text.split(java.util.regex.Pattern.quote(total), -1).length - 1, "debit and credit totals");
        assertFalse(text.contains("#"), "a glyph the font lacks is printed as #");
    }
}
