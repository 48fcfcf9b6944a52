package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import id.lumbung.support.Village;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The account ledger (buku besar) over a village with every kind of operation, plus a back-dated
 * multi-line entry: each range's closing is the account's balance as of its end, the lines add up
 * and run in effective-date order, pages stitch into the single-page book, CSV shows the same
 * figures, and the refusals.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class AccountLedgerTest {

    private static Village village;
    /** Posted last but dated before the grant: its number is the highest, its line comes early. */
    private static UUID backDated;

    @BeforeEach
    void village() {
        if (village == null) {
            village = Village.of("Besar" + UUID.randomUUID().toString().substring(0, 6));
            // Below the village's adjustment approval threshold (1,000), so it posts at once.
            backDated = UUID.fromString(as(Tokens.manager(village.led)).body(Map.of(
                    "effectiveDate", Village.day(-450), "description", "Koreksi kas terlambat dicatat",
                    "kind", "ADJUSTMENT", "postings", List.of(
                            Map.of("account", "1-1100", "side", "DEBIT", "amount", "600.00"),
                            Map.of("account", "4-1900", "side", "CREDIT", "amount", "400.00"),
                            Map.of("account", "4-1100", "side", "CREDIT", "amount", "200.00"))))
                    .post(village.base() + "/journal-entries").then().statusCode(201).extract().path("id"));
        }
    }

    private String url(String code) {
        return village.base() + "/accounts/" + code + "/ledger";
    }

    private Response ledger(String code, String query) {
        Response response = as(Tokens.auditor(village.led)).get(url(code) + (query.isEmpty() ? "" : "?" + query));
        response.then().statusCode(200).contentType("application/json");
        return response;
    }

    private BigDecimal balance(String code, String asOf) {
        return new BigDecimal(as(Tokens.auditor(village.led)).get(village.base() + "/accounts/" + code + "?asOf="
                + asOf).then().statusCode(200).extract().<String>path("balance"));
    }

    @Test
    void closingIsTheAccountsBalanceAndTheLinesAddUp() {
        for (String code : List.of("1-1100", "1-1200", "3-1200", "1-1300", "4-1100")) {
            for (String[] range : List.of(new String[] {Village.day(-600), Village.day(0)},
                    new String[] {Village.day(-350), Village.day(-100)})) {
                Response json = ledger(code, "from=" + range[0] + "&to=" + range[1] + "&limit=500");
                String dayBefore = LocalDate.parse(range[0]).minusDays(1).toString();
                BigDecimal opening = new BigDecimal(json.<String>path("opening"));
                assertEquals(0, balance(code, dayBefore).compareTo(opening), code + " opening " + range[0]);
                BigDecimal closing = new BigDecimal(json.<String>path("closing"));
                assertEquals(0, balance(code, range[1]).compareTo(closing), code + " closing " + range[1]);
                boolean debitNormal = json.<String>path("account.normalSide").equals("DEBIT");
                BigDecimal running = opening;
                for (Map<String, Object> line : json.<List<Map<String, Object>>>path("lines")) {
                    BigDecimal movement = new BigDecimal((String) line.get("debit"))
                            .subtract(new BigDecimal((String) line.get("credit")));
                    running = running.add(debitNormal ? movement : movement.negate());
                    assertEquals(0, running.compareTo(new BigDecimal((String) line.get("balance"))), code + " " + line);
                }
                assertEquals(0, running.compareTo(closing), code + " opening + lines = closing");
                assertNull(json.path("next"));
            }
        }
        Response cash = ledger("1-1100", "from=" + Village.day(-600) + "&to=" + Village.day(0) + "&limit=500");
        assertEquals("Kas", cash.<String>path("account.name"));
        assertEquals("ASSET", cash.<String>path("account.type"));
        assertEquals("account-ledger", cash.<String>path("statement"));
        assertEquals("Buku Besar 1-1100 Kas", cash.<String>path("title"));
        assertEquals(Village.day(-600), cash.<String>path("from"));
        assertEquals(64, cash.<String>path("chainHead.hash").length());
        assertTrue(cash.<List<?>>path("lines").size() > 5);
    }

    @Test
    void linesRunInEffectiveDateThenEntryNumberOrder() {
        Response json = ledger("1-1100", "from=" + Village.day(-600) + "&to=" + Village.day(0) + "&limit=500");
        List<Map<String, Object>> lines = json.path("lines");
        for (int i = 1; i < lines.size(); i++) {
            String previousDate = (String) lines.get(i - 1).get("date");
            String date = (String) lines.get(i).get("date");
            int byDate = previousDate.compareTo(date);
            assertTrue(byDate < 0 || byDate == 0 && ((Integer) lines.get(i - 1).get("entryNumber"))
                    < (Integer) lines.get(i).get("entryNumber"), lines.get(i - 1) + " before " + lines.get(i));
        }
        int at = indexOf(lines, backDated);
        Map<String, Object> late = lines.get(at);
        assertEquals(Village.day(-450), late.get("date"));
        assertEquals("ADJUSTMENT", late.get("kind"));
        assertEquals("Koreksi kas terlambat dicatat", late.get("description"));
        // Entered last, so its number is the highest, yet the lines after it carry lower numbers.
        assertTrue((Integer) late.get("entryNumber") > (Integer) lines.get(at + 1).get("entryNumber"));
        assertEquals("600.00", late.get("debit"));
        assertEquals("0.00", late.get("credit"));
    }

    @Test
    void counterAccountsOfAMultiLineEntry() {
        String range = "from=" + Village.day(-600) + "&to=" + Village.day(0) + "&limit=500";
        Map<String, Object> cashLine = ledger("1-1100", range).<List<Map<String, Object>>>path("lines")
                .get(indexOf(ledger("1-1100", range).path("lines"), backDated));
        assertEquals(List.of(Map.of("code", "4-1900", "name", "Pendapatan Lain-lain"),
                Map.of("code", "4-1100", "name", "Pendapatan Jasa Pinjaman")), cashLine.get("counterAccounts"));
        List<Map<String, Object>> income = ledger("4-1900", range).path("lines");
        Map<String, Object> incomeLine = income.get(indexOf(income, backDated));
        assertEquals(List.of(Map.of("code", "1-1100", "name", "Kas"),
                Map.of("code", "4-1100", "name", "Pendapatan Jasa Pinjaman")), incomeLine.get("counterAccounts"));
        assertEquals("400.00", incomeLine.get("credit"));
    }

    @Test
    void pagesStitchIntoTheSinglePageBook() {
        for (String code : List.of("1-1100", "1-1200")) {
            String range = "from=" + Village.day(-600) + "&to=" + Village.day(0);
            Response single = ledger(code, range + "&limit=500");
            List<Map<String, Object>> stitched = new ArrayList<>();
            String after = null;
            int pages = 0;
            String expectedOpening = single.path("opening");
            do {
                Response page = ledger(code, range + "&limit=3" + (after == null ? "" : "&after=" + after));
                assertEquals(expectedOpening, page.<String>path("opening"), "page " + pages + " opening");
                assertEquals(single.<String>path("closing"), page.<String>path("closing"));
                List<Map<String, Object>> lines = page.path("lines");
                assertTrue(lines.size() <= 3);
                stitched.addAll(lines);
                if (!lines.isEmpty()) {
                    expectedOpening = (String) lines.get(lines.size() - 1).get("balance");
                }
                after = page.path("next");
                pages++;
            } while (after != null);
            assertEquals(single.<List<Map<String, Object>>>path("lines"), stitched, code);
            assertTrue(pages > 2, code + " pages " + pages);
        }
        // Without a range: the year so far in the LED's calendar.
        Response defaults = ledger("1-1100", "");
        assertEquals(Village.day(0), defaults.<String>path("to"));
        assertEquals(LocalDate.parse(Village.day(0)).withDayOfYear(1).toString(), defaults.<String>path("from"));
    }

    @Test
    void csvShowsTheWholeRangeWithTheSameFigures() throws Exception {
        String range = "from=" + Village.day(-600) + "&to=" + Village.day(0);
        Response json = ledger("1-1100", range + "&limit=500");
        Response csv = as(Tokens.manager(village.led)).accept("text/csv").header("Accept-Language", "en")
                .get(url("1-1100") + "?" + range + "&limit=2");
        csv.then().statusCode(200).contentType("text/csv; charset=UTF-8").header("Content-Language", "en")
                .header("Content-Disposition", matchesPattern("attachment; filename=\"[0-9a-f]{8}-ledger-1-1100-"
                        + Village.day(-600) + "-" + Village.day(0) + "\\.csv\""));
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertEquals(List.of("Title", "Account Ledger 1-1100 Kas"), List.of(records.get(1).values()));
        int table = 0;
        while (records.get(table).size() > 1 || !records.get(table).get(0).isEmpty()) {
            table++;
        }
        assertEquals(List.of("Date", "Entry no.", "Description", "Counter-accounts", "Debit", "Credit", "Balance"),
                List.of(records.get(table + 1).values()));
        CSVRecord opening = records.get(table + 2);
        assertEquals("Opening balance", opening.get(2));
        assertEquals(json.<String>path("opening"), opening.get(6));
        // limit is a JSON page size: the file is the whole book.
        List<Map<String, Object>> lines = json.path("lines");
        for (int i = 0; i < lines.size(); i++) {
            CSVRecord row = records.get(table + 3 + i);
            Map<String, Object> line = lines.get(i);
            assertEquals(List.of(line.get("date"), String.valueOf(line.get("entryNumber")), line.get("debit"),
                    line.get("credit"), line.get("balance")), List.of(row.get(0), row.get(1), row.get(4), row.get(5),
                    row.get(6)));
        }
        CSVRecord closing = records.get(table + 3 + lines.size());
        assertEquals("Closing balance", closing.get(2));
        assertEquals(json.<String>path("closing"), closing.get(6));
        assertEquals(table + 4 + lines.size(), records.size());
        assertTrue(text.contains("Koreksi kas terlambat dicatat,4-1900 Pendapatan Lain-lain; 4-1100 Pendapatan"
                + " Jasa Pinjaman,600.00,0.00,"), text);
    }

    @Test
    void pdfPrintsTheBookInIndonesian() throws Exception {
        String range = "from=" + Village.day(-600) + "&to=" + Village.day(0);
        Response json = ledger("1-1100", range + "&limit=500");
        byte[] pdf = as(Tokens.auditor(village.led)).accept("application/pdf").get(url("1-1100") + "?" + range)
                .then().statusCode(200).contentType("application/pdf").header("Content-Language", "id")
                .extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Buku Besar 1-1100 Kas"), text);
            assertTrue(text.contains("Saldo Akhir"), text);
            assertTrue(text.contains(PdfStatementWriter.formatted(new BigDecimal(json.<String>path("closing")),
                    StatementLanguage.ID)), text);
            assertFalse(text.contains("#"), text);
        }
    }

    @Test
    void refusals() {
        as(Tokens.trainer(village.led)).get(url("1-1100")).then().statusCode(403);
        as(Tokens.manager(Api.createLed())).get(url("1-1100")).then().statusCode(404);
        as(Tokens.auditor(village.led)).get(url("9-9999")).then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.auditor(village.led)).get(url("1-1100") + "?from=2026-02-01&to=2026-01-31").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("from"));
        // An impossible date is refused as by every date parameter of the API: JAX-RS answers 404.
        as(Tokens.auditor(village.led)).get(url("1-1100") + "?from=2026-02-30").then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.auditor(village.led)).get(url("1-1100") + "?limit=0").then().statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.auditor(village.led)).get(url("1-1100") + "?limit=501").then().statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.auditor(village.led)).get(url("1-1100") + "?after=not-a-cursor").then().statusCode(400)
                .contentType("application/problem+json");
        // A cursor is only good for the range it was made in.
        String range = "from=" + Village.day(-600) + "&to=" + Village.day(0);
        String next = ledger("1-1100", range + "&limit=2").path("next");
        assertNotNull(next);
        as(Tokens.auditor(village.led)).get(url("1-1100") + "?from=" + Village.day(-10) + "&after=" + next).then()
                .statusCode(400).contentType("application/problem+json");
        as(Tokens.auditor(village.led)).accept("application/xml").get(url("1-1100")).then().statusCode(406)
                .contentType("application/problem+json");
    }

    private static int indexOf(List<Map<String, Object>> lines, UUID entryId) {
        for (int i = 0; i < lines.size(); i++) {
            if (entryId.toString().equals(lines.get(i).get("entryId"))) {
                return i;
            }
        }
        throw new AssertionError("entry " + entryId + " not in " + lines);
    }
}
