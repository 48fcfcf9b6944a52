package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.lumbung.platform.security.Role;
import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import id.lumbung.support.Village;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The statement of changes in equity over a village with every kind of operation: each row's opening
 * plus its movements is its closing, the closing is the balance sheet's as of the last day (the
 * unclosed surplus included), movements sit under the kind of the entry that made them, a period
 * shows only its own entries, and JSON, CSV and PDF show the same figures.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class EquityChangesTest {

    private static final List<String> KINDS = List.of("openingBalances", "grants", "contributions", "periodSurplus",
            "surplusClosed", "surplusAllocations", "other");

    private static Village village;

    @BeforeEach
    void village() {
        if (village == null) {
            village = Village.of("Ekuitas" + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    private JsonPath changes(String query) {
        return as(Tokens.auditor(village.led)).get(village.base() + "/statements/equity-changes" + query).then()
                .statusCode(200).header("Content-Language", "id").extract().jsonPath();
    }

    private JsonPath balanceSheet(String asOf) {
        return as(Tokens.auditor(village.led)).get(village.base() + "/statements/balance-sheet?asOf=" + asOf).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void everyRowsOpeningPlusItsMovementsIsItsClosingAndTheClosingIsTheBalanceSheets() {
        String to = Village.day(0);
        JsonPath json = changes("?from=" + Village.day(-450) + "&to=" + to);
        assertEquals("Laporan Perubahan Ekuitas", json.getString("title"));
        assertEquals(Village.day(-451), json.getString("openingAsOf"));
        List<Map<String, Object>> rows = new ArrayList<>(json.getList("accounts"));
        assertThat(rows.size(), greaterThanOrEqualTo(4));
        rows.add(json.getMap("unclosedSurplus"));
        rows.add(json.getMap("total"));
        for (Map<String, Object> row : rows) {
            BigDecimal sum = amount(row.get("opening"));
            for (String kind : KINDS) {
                sum = sum.add(amount(((Map<?, ?>) row.get("movements")).get(kind)));
            }
            assertEquals(0, sum.compareTo(amount(row.get("closing"))), row.toString());
        }

        JsonPath sheet = balanceSheet(to);
        List<Map<String, Object>> equityLines = sheet.getList("equity.groups[0].lines");
        for (Map<String, Object> row : json.<Map<String, Object>>getList("accounts")) {
            Map<String, Object> line = equityLines.stream().filter(l -> row.get("account").equals(l.get("account")))
                    .findFirst().orElseThrow(() -> new AssertionError(row + " not on the balance sheet"));
            assertEquals(0, amount(line.get("amount")).compareTo(amount(row.get("closing"))), row.toString());
        }
        assertEquals(0, amount(sheet.getString("currentYearSurplus.amount"))
                .compareTo(amount(json.getString("unclosedSurplus.closing"))));
        assertEquals(0, amount(sheet.getString("equity.total.amount")).compareTo(amount(json.getString(
                "total.closing"))));
        // The opening is the balance sheet of the day before the period.
        assertEquals(0, amount(balanceSheet(Village.day(-451)).getString("equity.total.amount"))
                .compareTo(amount(json.getString("total.opening"))));
    }

    @Test
    void theGrantTheContributionAndTheOpeningBalancesSitUnderTheirKind() {
        JsonPath json = changes("?from=" + Village.day(-600) + "&to=" + Village.day(0));
        Map<String, Object> grantCapital = account(json, "3-1100");
        assertEquals("0.00", grantCapital.get("opening"));
        assertEquals("500000000.00", movement(grantCapital, "grants"));
        assertEquals("0.00", movement(grantCapital, "other"));
        Map<String, Object> community = account(json, "3-1200");
        assertEquals("0.00", community.get("opening"));
        assertEquals("100000000.00", movement(community, "openingBalances"));
        assertEquals("2500000.00", movement(community, "contributions"));
        // The village's income less expenses stays unclosed: no year-end close has run.
        assertEquals("0.00", json.getString("unclosedSurplus.opening"));
        assertEquals(json.getString("unclosedSurplus.closing"), json.getString("unclosedSurplus.movements"
                + ".periodSurplus"));
        assertEquals("0.00", json.getString("total.movements.surplusClosed"));
    }

    @Test
    void aPeriodAfterAnEntryHasItInTheOpeningNotAmongTheMovements() {
        JsonPath json = changes("?from=" + Village.day(-350) + "&to=" + Village.day(-320));
        Map<String, Object> grantCapital = account(json, "3-1100");
        assertEquals("500000000.00", grantCapital.get("opening"));
        assertEquals("0.00", movement(grantCapital, "grants"));
        assertEquals("500000000.00", grantCapital.get("closing"));
        Map<String, Object> community = account(json, "3-1200");
        assertEquals("100000000.00", community.get("opening"));
        assertEquals("0.00", movement(community, "openingBalances"));
        assertEquals("0.00", movement(community, "contributions"));
        assertEquals("100000000.00", community.get("closing"));
    }

    @Test
    void aReversedGrantNetsToNothingUnderGrants() {
        UUID led = Api.createLed();
        String entry = as(Tokens.manager(led)).body(Map.of("source", "APBD Kabupaten Kampar 2026", "decreeNumber",
                "SK 9/2026", "amount", "1000000.00", "receivedOn", Village.day(-20), "account", "1-1200"))
                .post("/api/v1/leds/" + led + "/grants").then().statusCode(201).extract().path("entryId");
        as(Tokens.manager(led)).body(Map.of("reason", "SK salah nomor"))
                .post("/api/v1/leds/" + led + "/journal-entries/" + entry + "/reversal").then().statusCode(201);
        Api.post(led, Village.day(-5), "1-1100", "3-1200", "75000.00");
        JsonPath json = as(Tokens.manager(led)).get("/api/v1/leds/" + led + "/statements/equity-changes?from="
                + Village.day(-30)).then().statusCode(200).extract().jsonPath();
        Map<String, Object> grantCapital = account(json, "3-1100");
        assertEquals("0.00", movement(grantCapital, "grants"));
        assertEquals("0.00", movement(grantCapital, "other"));
        assertEquals("0.00", grantCapital.get("closing"));
        // An adjustment straight into equity is "other".
        assertEquals("75000.00", movement(account(json, "3-1200"), "other"));
        assertEquals("75000.00", json.getString("total.closing"));
    }

    /** A year closed through the year-end API: its closing entry and its allocation, each by kind. */
    @Test
    void aClosingEntryMovesTheSurplusIntoRetainedSurplusAndAnAllocationOnFromThere() {
        UUID led = Api.createLed();
        Api.post(led, "2025-02-01", "1-1100", "3-1200", "1000000.00");
        Api.post(led, "2025-03-01", "1-1100", "4-1900", "300000.00");
        Api.post(led, "2025-03-01", "5-1100", "1-1100", "100000.00");
        String close = as(Tokens.manager(led)).body(Map.of("year", 2025, "allocation", List.of(Map.of("to",
                "CAPITAL", "percent", "100")), "decidedOn", "2026-01-20", "decisionReference", "BA MAD 1/2026"))
                .post("/api/v1/leds/" + led + "/year-end").then().statusCode(202).extract().path("id");
        as(Tokens.of(Role.LED_MANAGER, "manager.ahmad", List.of(), List.of(led))).body(Map.of())
                .post("/api/v1/leds/" + led + "/year-end/" + close + "/approval").then().statusCode(200);
        String to = Village.day(0);
        JsonPath json = as(Tokens.manager(led)).get("/api/v1/leds/" + led + "/statements/equity-changes?from="
                + "2025-01-01&to=" + to).then().statusCode(200).extract().jsonPath();
        Map<String, Object> retained = account(json, "3-1300");
        assertEquals("200000.00", movement(retained, "surplusClosed"));
        assertEquals("-200000.00", movement(retained, "surplusAllocations"));
        assertEquals("0.00", retained.get("closing"));
        Map<String, Object> capital = account(json, "3-1400");
        assertEquals("200000.00", movement(capital, "surplusAllocations"));
        Map<String, Object> community = account(json, "3-1200");
        assertEquals("1000000.00", movement(community, "other"));
        assertEquals("200000.00", json.getString("unclosedSurplus.movements.periodSurplus"));
        assertEquals("-200000.00", json.getString("unclosedSurplus.movements.surplusClosed"));
        assertEquals("0.00", json.getString("unclosedSurplus.closing"));
        assertEquals("0.00", json.getString("total.movements.surplusClosed"));
        assertEquals("0.00", json.getString("total.movements.surplusAllocations"));
        assertEquals("1200000.00", json.getString("total.closing"));
        assertEquals("1200000.00", as(Tokens.manager(led)).get("/api/v1/leds/" + led
                + "/statements/balance-sheet?asOf=" + to).then().statusCode(200).extract().path("equity.total.amount"));
    }

    /**
     * While other threads post 1,000.00 into community capital, every read shows exactly the entries
     * up to its chain head, in the movements (the grouped query over postings) and in the closing (the
     * per-day movement rows) alike.
     */
    @Test
    void movementsAndClosingReflectExactlyTheEntriesUpToTheHeadWhileOthersPost() throws Exception {
        UUID led = Api.createLed();
        String base = "/api/v1/leds/" + led;
        as(Tokens.manager(led)).body(Map.of("effectiveDate", Village.day(-20), "description", "Saldo awal",
                "lines", List.of(Map.of("account", "1-1100", "debit", "100000000.00"),
                        Map.of("account", "3-1200", "credit", "100000000.00"))))
                .post(base + "/opening-balances").then().statusCode(201);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService posters = Executors.newFixedThreadPool(2);
        List<Future<Integer>> posted = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            posted.add(posters.submit(() -> {
                int count = 0;
                while (!stop.get() && count < 150) {
                    as(Tokens.manager(led)).body(Api.entry(Village.day(-1), "1-1100", "3-1200", "1000.00"))
                            .post(base + "/journal-entries").then().statusCode(201);
                    count++;
                }
                return count;
            }));
        }
        int moving = 0;
        try {
            for (int read = 0; read < 25; read++) {
                JsonPath json = as(Tokens.auditor(led)).get(base + "/statements/equity-changes?from="
                        + Village.day(-30)).then().statusCode(200).extract().jsonPath();
                long head = json.getLong("chainHead.number");
                if (head > 1) {
                    moving++;
                }
                Map<String, Object> community = account(json, "3-1200");
                BigDecimal adjustments = BigDecimal.valueOf((head - 1) * 1000);
                assertEquals(0, amount(movement(community, "other")).compareTo(adjustments), "head " + head);
                assertEquals(0, amount(community.get("closing")).compareTo(adjustments.add(
                        new BigDecimal("100000000"))), "head " + head);
            }
        } finally {
            stop.set(true);
            posters.shutdown();
            assertTrue(posters.awaitTermination(60, TimeUnit.SECONDS));
        }
        int total = 0;
        for (Future<Integer> f : posted) {
            total += f.get();
        }
        assertTrue(total > 0 && moving > 0, "the statement was read while entries were being posted");
    }

    @Test
    void theDefaultPeriodIsTheYearToDate() {
        JsonPath json = changes("");
        LocalDate to = LocalDate.parse(json.getString("to"));
        assertEquals(Village.day(0), to.toString());
        assertEquals(to.withDayOfYear(1).toString(), json.getString("from"));
    }

    @Test
    void csvAndJsonShowTheSameFiguresInBothLanguages() throws Exception {
        String query = "?from=" + Village.day(-450) + "&to=" + Village.day(0);
        JsonPath json = changes(query);
        for (String language : List.of("id", "en")) {
            String csv = as(Tokens.auditor(village.led)).header("Accept-Language", language)
                    .get(village.base() + "/statements/equity-changes" + query + "&format=csv").then().statusCode(200)
                    .header("Content-Language", language)
                    .header("Content-Disposition", endsWith("-equity-changes-" + Village.day(-450) + "-"
                            + Village.day(0) + ".csv\"")).extract().asString();
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv))) {
                rows.add(List.of(record.values()));
            }
            boolean english = language.equals("en");
            assertThat(csv, rows, hasItem(List.of(english ? "Code" : "Kode", english ? "Description" : "Uraian",
                    Village.day(-450) + " – " + Village.day(0))));
            String opening = english ? "Opening balance" : "Saldo awal";
            String closing = english ? "Closing balance" : "Saldo akhir";
            for (Map<String, Object> account : json.<Map<String, Object>>getList("accounts")) {
                String code = (String) account.get("account");
                int heading = rows.indexOf(List.of(code, (String) account.get("name"), ""));
                assertTrue(heading > 0, code + " in " + csv);
                assertEquals(List.of(code, opening, account.get("opening")), rows.get(heading + 1));
                assertThat(csv, rows, hasItem(List.of(code, closing, (String) account.get("closing"))));
            }
            assertThat(csv, rows, hasItem(List.of("3-1100", english ? "Grants received" : "Penerimaan hibah",
                    movement(account(json, "3-1100"), "grants"))));
            assertThat(csv, rows, hasItem(List.of("", closing, json.getString("total.closing"))));
            assertThat(csv, rows, hasItem(List.of("", english ? "Surplus (deficit) for the period"
                    : "Surplus (defisit) periode berjalan",
                    json.getString("unclosedSurplus.movements.periodSurplus"))));
        }
    }

    @Test
    void thePdfShowsTheTitleTheLedTheChainHeadAndTheTotal() throws Exception {
        JsonPath json = changes("");
        for (String language : List.of("id", "en")) {
            byte[] pdf = as(Tokens.auditor(village.led)).accept("application/pdf").header("Accept-Language", language)
                    .get(village.base() + "/statements/equity-changes").then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            String text;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(document);
            }
            assertTrue(text.contains(language.equals("id") ? "Laporan Perubahan Ekuitas"
                    : "Statement of Changes in Equity"), text);
            assertTrue(text.contains(json.getString("led.name")), text);
            assertTrue(text.contains(json.getString("chainHead.hash")), text);
            String total = PdfStatementWriter.formatted(new BigDecimal(json.getString("total.closing")),
                    language.equals("id") ? StatementLanguage.ID : StatementLanguage.EN);
            assertTrue(text.contains(total), total + " in " + text);
        }
    }

    @Test
    void refusals() {
        String url = village.base() + "/statements/equity-changes";
        as(Tokens.trainer(village.led)).get(url).then().statusCode(403);
        as(Tokens.manager(Api.createLed())).get(url).then().statusCode(404);
        as(Tokens.manager(village.led)).get(url + "?from=" + Village.day(0) + "&to=" + Village.day(-1)).then()
                .statusCode(400).contentType("application/problem+json");
        as(Tokens.manager(village.led)).accept("application/xml").get(url).then().statusCode(406)
                .contentType("application/problem+json");
    }

    private static Map<String, Object> account(JsonPath json, String code) {
        return json.<Map<String, Object>>getList("accounts").stream().filter(a -> code.equals(a.get("account")))
                .findFirst().orElseThrow();
    }

    private static String movement(Map<String, Object> row, String kind) {
        return (String) ((Map<?, ?>) row.get("movements")).get(kind);
    }

    private static BigDecimal amount(Object value) {
        return new BigDecimal((String) value);
    }
}
