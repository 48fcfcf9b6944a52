package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
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
import io.restassured.path.json.JsonPath;

/**
 * The notes over a village with a closed period: the policies state the settings in force (rounding,
 * allocation order, the kolektibilitas table and its rates), the close appears with the chain head
 * it was made at, the grant with its amount, and the portfolio by class adds up to the portfolio
 * report's outstanding principal, in JSON, CSV and PDF and in both languages.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class StatementNotesTest {

    private static Village village;
    private static JsonPath periods;

    @BeforeEach
    void village() {
        if (village == null) {
            village = Village.of("Catatan" + UUID.randomUUID().toString().substring(0, 6));
            as(Tokens.manager(village.led)).body(Map.of("through", Village.day(-450)))
                    .post(village.base() + "/periods/close").then().statusCode(201);
            periods = as(Tokens.auditor(village.led)).get(village.base() + "/periods").then().statusCode(200)
                    .extract().jsonPath();
        }
    }

    private String url() {
        return village.base() + "/statements/notes";
    }

    private JsonPath notes(String query) {
        return as(Tokens.auditor(village.led)).get(url() + query).then().statusCode(200)
                .header("Content-Language", "id").extract().jsonPath();
    }

    @Test
    void thePoliciesStateTheLendingAndLoanQualitySettingsInForce() {
        JsonPath json = notes("");
        assertEquals("Catatan atas Laporan Keuangan", json.getString("title"));
        assertEquals(Village.day(0), json.getString("asOf"));
        assertThat(json.getString("policies.compliance"), containsString("SAK EMKM"));
        assertThat(json.getString("policies.compliance"), containsString("kecuali"));
        JsonPath lending = as(Tokens.auditor(village.led)).get(village.base() + "/settings/lending").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(lending.getString("rounding.step"), json.getString("policies.rounding.step"));
        assertEquals(lending.getString("rounding.mode"), json.getString("policies.rounding.mode"));
        assertEquals("HALF_UP", json.getString("policies.rounding.mode"));
        assertThat(json.getString("policies.rounding.text"), containsString("Rp 1 "));
        assertEquals(lending.getString("allocationOrder"), json.getString("policies.allocationOrder.order"));
        JsonPath quality = as(Tokens.auditor(village.led)).get(village.base() + "/settings/loan-quality").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("BANK", json.getString("policies.loanQuality.preset"));
        assertEquals("DAYS_PAST_DUE", json.getString("policies.loanQuality.measure"));
        assertEquals(List.of("LANCAR", "DALAM_PERHATIAN_KHUSUS", "KURANG_LANCAR", "DIRAGUKAN", "MACET"),
                json.getList("policies.loanQuality.classes.class"));
        assertEquals(List.of("1", "5", "15", "50", "100"),
                json.getList("policies.loanQuality.classes.provisionPercent"));
        assertEquals(quality.getList("inForce.classes.provisionPercent"),
                json.getList("policies.loanQuality.classes.provisionPercent"));
        assertThat(json.getString("policies.loanLossAllowance"), containsString("SAK EMKM"));
        // The cash-flow classification follows the statement settings.
        assertEquals("OPERATING", json.getString("policies.cashFlow.lending"));
        assertThat(json.getString("policies.cashFlow.text"), containsString("aktivitas operasi"));
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("lendingCashFlow", "INVESTING")).put("/api/v1/leds/" + led
                + "/settings/statements").then().statusCode(200);
        JsonPath incidental = as(Tokens.auditor(led)).header("Accept-Language", "en").get("/api/v1/leds/" + led
                + "/statements/notes").then().statusCode(200).extract().jsonPath();
        assertEquals("INVESTING", incidental.getString("policies.cashFlow.lending"));
        assertThat(incidental.getString("policies.cashFlow.text"), containsString("investing activities"));
    }

    @Test
    void aClosedPeriodAppearsWithTheChainHeadItWasClosedAt() {
        JsonPath json = notes("");
        assertEquals(1, json.getList("periodCloses").size());
        assertEquals(Village.day(-450), json.getString("periodCloses[0].through"));
        assertEquals(periods.getString("closes[0].chainHead.hash"), json.getString("periodCloses[0].chainHead.hash"));
        assertEquals(periods.getLong("closes[0].chainHead.number"),
                json.getLong("periodCloses[0].chainHead.number"));
        assertEquals(periods.getString("closes[0].closedAt"), json.getString("periodCloses[0].closedAt"));
    }

    @Test
    void theGrantIsListedWithItsAmountAndADayBeforeItListsNeitherItNorTheClose() {
        JsonPath json = notes("?asOf=" + Village.day(0));
        assertEquals(1, json.getList("grants.items").size());
        assertEquals("APBD Kabupaten Kampar 2026", json.getString("grants.items[0].source"));
        assertEquals("SK 412/2026", json.getString("grants.items[0].decreeNumber"));
        assertEquals("500000000.00", json.getString("grants.items[0].amount"));
        assertEquals(Village.day(-400), json.getString("grants.items[0].receivedOn"));
        assertFalse(json.getBoolean("grants.items[0].reversed"));
        assertEquals("500000000.00", json.getString("grants.total"));

        JsonPath before = notes("?asOf=" + Village.day(-460));
        assertThat(before.getList("grants.items"), empty());
        assertThat(before.getList("periodCloses"), empty());
        assertEquals("0.00", before.getString("grants.total"));
    }

    @Test
    void thePortfolioByClassAddsUpToThePortfolioReport() {
        JsonPath json = notes("");
        JsonPath portfolio = as(Tokens.auditor(village.led)).get(village.base() + "/portfolio?asOf="
                + json.getString("asOf")).then().statusCode(200).extract().jsonPath();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, Object> c : json.<Map<String, Object>>getList("portfolio.byClass")) {
            sum = sum.add(new BigDecimal((String) c.get("outstanding")));
        }
        assertTrue(sum.signum() > 0);
        assertEquals(0, sum.compareTo(new BigDecimal(portfolio.getString("outstandingPrincipal"))));
        assertEquals(portfolio.getString("outstandingPrincipal"), json.getString("portfolio.outstandingPrincipal"));
        assertEquals(portfolio.getString("provisionRequired"), json.getString("portfolio.provisionRequired"));
        assertEquals(portfolio.getString("provisionBooked"), json.getString("portfolio.provisionBooked"));
        assertEquals(portfolio.getList("byClass.class"), json.getList("portfolio.byClass.class"));
        assertEquals(json.getString("chainHead.hash"), json.getString("portfolio.chainHead.hash"));
    }

    @Test
    void csvShowsTheJsonsFiguresInBothLanguages() throws Exception {
        JsonPath json = notes("");
        for (String language : List.of("id", "en")) {
            boolean english = language.equals("en");
            String csv = as(Tokens.auditor(village.led)).header("Accept-Language", language)
                    .get(url() + "?format=csv").then().statusCode(200).header("Content-Language", language)
                    .extract().asString();
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv))) {
                rows.add(List.of(record.values()));
            }
            assertThat(csv, rows, hasItem(List.of(english ? "Item" : "Pokok", english ? "Description" : "Uraian",
                    english ? "Amount" : "Jumlah", english ? "Allowance" : "Penyisihan")));
            assertThat(csv, rows, hasItem(List.of(Village.day(-400), "APBD Kabupaten Kampar 2026 (SK 412/2026)",
                    "500000000.00", "")));
            assertThat(csv, rows, hasItem(List.of(english ? "Current" : "Lancar", english
                    ? "0 days past due; allowance 1 %" : "0 hari tunggakan; penyisihan 1 %", "", "")));
            assertThat(csv, rows, hasItem(List.of(english ? "Loss" : "Macet", english
                    ? "more than 180 days past due; allowance 100 %"
                    : "lebih dari 180 hari tunggakan; penyisihan 100 %", "", "")));
            assertThat(csv, rows, hasItem(List.of("", (english ? "Total portfolio (" : "Jumlah portofolio (")
                    + json.getInt("portfolio.loans") + (english ? " loans)" : " pinjaman)"),
                    json.getString("portfolio.outstandingPrincipal"), json.getString("portfolio.provisionRequired"))));
            assertTrue(rows.stream().anyMatch(r -> r.get(0).equals(Village.day(-450))
                    && r.get(1).replace(" ", "").contains(json.getString("periodCloses[0].chainHead.hash"))), csv);
            assertThat(csv, containsString(english ? "Statement of compliance" : "Pernyataan kepatuhan"));
        }
    }

    @Test
    void thePdfShowsTheGrantTheCloseAndTheLedInBothLanguages() throws Exception {
        JsonPath json = notes("");
        for (String language : List.of("id", "en")) {
            byte[] pdf = as(Tokens.auditor(village.led)).accept("application/pdf").header("Accept-Language", language)
                    .get(url()).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
            String text;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(document);
            }
            StatementLanguage lang = language.equals("id") ? StatementLanguage.ID : StatementLanguage.EN;
            assertTrue(text.contains(language.equals("id") ? "Catatan atas Laporan Keuangan"
                    : "Notes to the Financial Statements"), text);
            assertTrue(text.contains(json.getString("led.name")), text);
            assertTrue(text.contains(PdfStatementWriter.formatted(new BigDecimal("500000000.00"), lang)), text);
            assertTrue(text.contains(json.getString("chainHead.hash")), text);
            assertFalse(text.contains("#"), "a glyph the font lacks: " + text);
        }
    }

    @Test
    void refusals() {
        as(Tokens.trainer(village.led)).get(url()).then().statusCode(403);
        as(Tokens.manager(Api.createLed())).get(url()).then().statusCode(404);
        as(Tokens.manager(village.led)).accept("application/xml").get(url()).then().statusCode(406)
                .contentType("application/problem+json");
    }
}
