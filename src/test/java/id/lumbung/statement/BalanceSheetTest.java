package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
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
import io.restassured.path.json.JsonPath;

/**
 * The balance sheet over a village with every kind of operation: it balances, every group adds up,
 * each account's line is its balance, net loans tie to the portfolio, the comparative column is the
 * previous year-end's balance sheet, sub-accounts sit under their parent, and JSON, CSV and PDF show
 * the same figures.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class BalanceSheetTest {

    private static Village village;

    @BeforeEach
    void village() {
        if (village == null) {
            village = Village.of("Posisi" + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    private String url() {
        return village.base() + "/statements/balance-sheet";
    }

    private JsonPath sheet(String query) {
        return as(Tokens.auditor(village.led)).get(url() + query).then().statusCode(200)
                .header("Content-Language", "id").extract().jsonPath();
    }

    @Test
    void assetsEqualLiabilitiesPlusEquityAndEveryGroupAddsUp() {
        JsonPath json = sheet("");
        assertEquals("Laporan Posisi Keuangan", json.getString("title"));
        assertEquals((LocalDate.parse(json.getString("asOf")).getYear() - 1) + "-12-31",
                json.getString("comparativeAsOf"));
        for (String figure : List.of("amount", "comparative")) {
            BigDecimal assets = new BigDecimal(json.getString("assets.total." + figure));
            assertTrue(assets.signum() > 0, figure);
            assertEquals(0, assets.compareTo(new BigDecimal(json.getString("liabilitiesAndEquity." + figure))),
                    figure);
            for (String section : List.of("assets", "liabilities", "equity")) {
                assertSectionAddsUp(json.getMap(section), figure);
            }
            BigDecimal liabilitiesAndEquity = new BigDecimal(json.getString("liabilities.total." + figure))
                    .add(new BigDecimal(json.getString("equity.total." + figure)));
            assertEquals(0, liabilitiesAndEquity.compareTo(new BigDecimal(json.getString("liabilitiesAndEquity."
                    + figure))));
        }
        assertEquals(List.of("CURRENT_ASSETS", "NON_CURRENT_ASSETS"), json.getList("assets.groups.group"));
        assertEquals(List.of("CURRENT_LIABILITIES", "NON_CURRENT_LIABILITIES"),
                json.getList("liabilities.groups.group"));
    }

    @Test
    void eachAccountLineIsTheAccountsBalanceSignedBySection() {
        JsonPath json = sheet("");
        int checked = 0;
        for (String section : List.of("assets", "liabilities", "equity")) {
            for (Map<String, Object> line : lines(json.getMap(section))) {
                if (line.get("account") == null) {
                    continue;
                }
                JsonPath account = as(Tokens.auditor(village.led)).get(village.base() + "/accounts/"
                        + line.get("account")).then().statusCode(200).extract().jsonPath();
                BigDecimal balance = new BigDecimal(account.getString("balance"));
                String sectionSide = section.equals("assets") ? "DEBIT" : "CREDIT";
                BigDecimal expected = account.getString("normalSide").equals(sectionSide) ? balance : balance.negate();
                // A line's amount includes the accounts under it; its own part is the account's balance.
                BigDecimal own = new BigDecimal((String) line.get("amount"));
                for (Object child : (List<?>) line.get("accounts")) {
                    own = own.subtract(new BigDecimal((String) ((Map<?, ?>) child).get("amount")));
                }
                assertEquals(0, expected.compareTo(own),
                        line.get("account") + " in " + section);
                checked++;
            }
        }
        assertTrue(checked >= 11, "accounts checked: " + checked);
        // The allowance is a contra asset: it shows negative among the assets, so they are net of it.
        Map<String, Object> allowance = lines(json.getMap("assets")).stream()
                .filter(l -> "1-1310".equals(l.get("account"))).findFirst().orElseThrow();
        assertTrue(new BigDecimal((String) allowance.get("amount")).signum() < 0, allowance.toString());
    }

    @Test
    void netLoansAreOutstandingPrincipalLessTheAllowanceAsThePortfolioStatesThem() {
        JsonPath json = sheet("");
        JsonPath portfolio = as(Tokens.auditor(village.led)).get(village.base() + "/portfolio?asOf="
                + json.getString("asOf")).then().statusCode(200).extract().jsonPath();
        BigDecimal receivable = new BigDecimal(json.getString("loans.receivable"));
        BigDecimal allowance = new BigDecimal(json.getString("loans.allowance"));
        assertTrue(receivable.signum() > 0);
        assertTrue(allowance.signum() > 0, "the village booked a provision");
        assertEquals(0, receivable.compareTo(new BigDecimal(portfolio.getString("outstandingPrincipal"))));
        assertEquals(0, allowance.compareTo(new BigDecimal(portfolio.getString("provisionBooked"))));
        assertEquals(0, receivable.subtract(allowance).compareTo(new BigDecimal(json.getString("loans.net"))));
    }

    @Test
    void theSurplusNotYetClosedIsTheIncomeStatementFromTheBeginning() {
        JsonPath json = sheet("");
        JsonPath income = as(Tokens.auditor(village.led)).get(village.base()
                + "/statements/income-statement?from=" + Village.day(-600) + "&to=" + json.getString("asOf"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, new BigDecimal(income.getString("surplus.amount"))
                .compareTo(new BigDecimal(json.getString("currentYearSurplus.amount"))));
        Map<String, Object> line = lines(json.getMap("equity")).stream().filter(l -> l.get("account") == null)
                .findFirst().orElseThrow();
        assertEquals(json.getString("currentYearSurplus.amount"), line.get("amount"));
        assertEquals("Surplus (defisit) berjalan yang belum ditutup", line.get("name"));
    }

    @Test
    void theComparativeColumnIsThePreviousYearEndsBalanceSheet() {
        JsonPath now = sheet("");
        JsonPath yearEnd = sheet("?asOf=" + now.getString("comparativeAsOf"));
        for (String section : List.of("assets", "liabilities", "equity")) {
            List<Map<String, Object>> current = lines(now.getMap(section));
            List<Map<String, Object>> before = lines(yearEnd.getMap(section));
            assertEquals(before.size(), current.size());
            for (int i = 0; i < current.size(); i++) {
                assertEquals(before.get(i).get("amount"), current.get(i).get("comparative"),
                        section + " " + current.get(i).get("account"));
            }
            assertEquals(yearEnd.getString(section + ".total.amount"), now.getString(section + ".total.comparative"));
        }
    }

    @Test
    void aSubAccountIsPresentedUnderItsParentInEveryFormat() throws Exception {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("code", "1-1101", "name", "Kas Unit Simpan Pinjam", "type", "ASSET",
                "parentCode", "1-1100")).post("/api/v1/leds/" + led + "/accounts").then().statusCode(201);
        String today = Village.day(0);
        Api.post(led, today, "1-1100", "3-1200", "400000.00");
        Api.post(led, today, "1-1101", "3-1200", "250000.00");
        String url = "/api/v1/leds/" + led + "/statements/balance-sheet?asOf=" + today;
        JsonPath json = as(Tokens.manager(led)).get(url).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> current = json.getList("assets.groups[0].lines");
        Map<String, Object> kas = current.stream().filter(l -> "1-1100".equals(l.get("account"))).findFirst()
                .orElseThrow();
        assertEquals("650000.00", kas.get("amount"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> under = (List<Map<String, Object>>) kas.get("accounts");
        assertEquals(1, under.size());
        assertEquals("1-1101", under.get(0).get("account"));
        assertEquals("250000.00", under.get(0).get("amount"));
        assertEquals("650000.00", json.getString("assets.total.amount"));
        assertEquals("650000.00", json.getString("liabilitiesAndEquity.amount"));

        String csv = as(Tokens.manager(led)).header("Accept-Language", "en").get(url + "&format=csv").then()
                .statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.endsWith(
                        "-balance-sheet-" + today + ".csv\"")).extract().asString();
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv))) {
            rows.add(List.of(record.values()));
        }
        int kasHeading = rows.indexOf(List.of("1-1100", "Kas", "", ""));
        assertTrue(kasHeading > 0, csv);
        assertEquals(List.of("1-1100", "Kas", "400000.00", "0.00"), rows.get(kasHeading + 1));
        assertEquals(List.of("1-1101", "Kas Unit Simpan Pinjam", "250000.00", "0.00"), rows.get(kasHeading + 2));
        assertEquals(List.of("", "Total Kas", "650000.00", "0.00"), rows.get(kasHeading + 3));
        assertTrue(rows.contains(List.of("", "Total Assets", "650000.00", "0.00")), csv);
        assertTrue(rows.contains(List.of("", "Total liabilities and equity", "650000.00", "0.00")), csv);
        assertTrue(rows.contains(List.of("Code", "Description", today, (LocalDate.parse(today).getYear() - 1)
                + "-12-31")), csv);
    }

    @Test
    void thePdfShowsTheTotalsTheLedAndTheChainHeadInBothLanguages() throws Exception {
        JsonPath json = sheet("");
        String total = json.getString("assets.total.amount");
        for (String language : List.of("id", "en")) {
            byte[] pdf = as(Tokens.auditor(village.led)).accept("application/pdf").header("Accept-Language", language)
                    .get(url()).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
            String text;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(document);
            }
            assertTrue(text.contains(json.getString("led.name")), text);
            assertTrue(text.contains(json.getString("chainHead.hash")), text);
            assertTrue(text.contains(language.equals("id") ? "Laporan Posisi Keuangan"
                    : "Statement of Financial Position"), text);
            String printed = language.equals("id") ? indonesian(total) : english(total);
            assertTrue(text.contains(printed), printed + " in " + text);
        }
    }

    @Test
    void refusals() {
        as(Tokens.trainer(village.led)).get(url()).then().statusCode(403);
        as(Tokens.manager(Api.createLed())).get(url()).then().statusCode(404);
        as(Tokens.manager(village.led)).accept("application/xml").get(url()).then().statusCode(406)
                .contentType("application/problem+json");
    }

    private static void assertSectionAddsUp(Map<String, Object> section, String figure) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Object g : (List<?>) section.get("groups")) {
            Map<?, ?> group = (Map<?, ?>) g;
            BigDecimal lines = BigDecimal.ZERO;
            for (Object line : (List<?>) group.get("lines")) {
                lines = lines.add(new BigDecimal((String) ((Map<?, ?>) line).get(figure)));
            }
            BigDecimal total = new BigDecimal((String) ((Map<?, ?>) group.get("total")).get(figure));
            assertEquals(0, lines.compareTo(total), group.get("group") + " " + figure);
            sum = sum.add(total);
        }
        assertEquals(0, sum.compareTo(new BigDecimal((String) ((Map<?, ?>) section.get("total")).get(figure))));
    }

    /** Every account line of a section, the accounts under a line included. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> section) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object group : (List<?>) section.get("groups")) {
            for (Object line : (List<?>) ((Map<?, ?>) group).get("lines")) {
                flatten((Map<String, Object>) line, all);
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(Map<String, Object> line, List<Map<String, Object>> into) {
        into.add(line);
        for (Object child : (List<?>) line.get("accounts")) {
            flatten((Map<String, Object>) child, into);
        }
    }

    private static String english(String amount) {
        return String.format(java.util.Locale.ENGLISH, "%,.2f", new BigDecimal(amount));
    }

    private static String indonesian(String amount) {
        return english(amount).replace(",", "_").replace(".", ",").replace("_", ".");
    }
}
