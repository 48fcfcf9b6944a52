package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * The statement settings: the documented defaults, a mapping that moves an account (and the
 * sub-accounts that follow it) to another group of the balance sheet and the income statement, the
 * signature block on the PDF in both languages, and the refusals, which change nothing.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class StatementSettingsTest {

    private static String settings(UUID led) {
        return "/api/v1/leds/" + led + "/settings/statements";
    }

    @Test
    void anLedThatNeverChangedThemPresentsWithTheDocumentedDefaults() {
        UUID led = Api.createLed();
        JsonPath json = as(Tokens.auditor(led)).get(settings(led)).then().statusCode(200).header("ETag", "\"0\"")
                .extract().jsonPath();
        assertEquals(List.of(), json.getList("accountGroups"));
        assertEquals("OPERATING", json.getString("lendingCashFlow"));
        assertEquals(List.of(), json.getList("signatureBlock.signatories"));
        assertEquals(false, json.getBoolean("publicSummaryPublished"));
        assertEquals(Map.of("account", "1-1300", "name", "Piutang Pinjaman Anggota", "group", "CURRENT_ASSETS",
                "source", "DEFAULT"), presentation(json, "1-1300"));
        assertEquals("OTHER_INCOME", presentation(json, "4-1400").get("group"));
        assertEquals("OPERATING_INCOME", presentation(json, "4-1100").get("group"));
        assertEquals("OTHER_EXPENSE", presentation(json, "5-1900").get("group"));
        assertEquals("EQUITY", presentation(json, "3-1100").get("group"));
        assertEquals("CURRENT_LIABILITIES", presentation(json, "2-1100").get("group"));
    }

    @Test
    void aMappedAccountAndTheSubAccountsFollowingItMoveToTheirGroup() {
        UUID led = Api.createLed();
        String manager = Tokens.manager(led);
        as(manager).body(Map.of("code", "1-2100", "name", "Peralatan", "type", "ASSET")).post("/api/v1/leds/" + led
                + "/accounts").then().statusCode(201);
        as(manager).body(Map.of("code", "1-2110", "name", "Peralatan Kantor", "type", "ASSET", "parentCode",
                "1-2100")).post("/api/v1/leds/" + led + "/accounts").then().statusCode(201);
        String today = Village.day(0);
        Api.post(led, today, "1-2110", "3-1200", "1200000.00");
        Api.post(led, today, "1-1100", "4-1900", "75000.00");
        JsonPath json = as(manager).header("If-Match", "\"0\"").body(Map.of("accountGroups", List.of(
                Map.of("account", "1-2100", "group", "NON_CURRENT_ASSETS"),
                Map.of("account", "4-1900", "group", "OPERATING_INCOME")))).put(settings(led)).then().statusCode(200)
                .header("ETag", "\"1\"").extract().jsonPath();
        assertEquals(Map.of("account", "1-2110", "name", "Peralatan Kantor", "group", "NON_CURRENT_ASSETS",
                "source", "PARENT"), presentation(json, "1-2110"));
        assertEquals("SETTING", presentation(json, "1-2100").get("source"));
        assertEquals(2, json.getList("accountGroups").size());

        JsonPath sheet = as(manager).get("/api/v1/leds/" + led + "/statements/balance-sheet?asOf=" + today).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("1-2100", sheet.getString("assets.groups[1].lines[0].account"));
        assertEquals("1200000.00", sheet.getString("assets.groups[1].lines[0].amount"));
        assertEquals("1-2110", sheet.getString("assets.groups[1].lines[0].accounts[0].account"));
        assertEquals("1200000.00", sheet.getString("assets.groups[1].total.amount"));
        assertEquals(sheet.getString("assets.total.amount"), sheet.getString("liabilitiesAndEquity.amount"));
        assertTrue(sheet.<String>getList("assets.groups[0].lines.account").stream().noneMatch("1-2100"::equals));

        JsonPath income = as(manager).get("/api/v1/leds/" + led + "/statements/income-statement?to=" + today)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(income.<String>getList("income.groups[0].lines.account").contains("4-1900"));
        assertEquals("75000.00", income.getString("income.groups[0].total.amount"));
        assertEquals("0.00", income.getString("income.groups[1].total.amount"));
    }

    @Test
    void theSignatureBlockIsPrintedUnderThePdfInTheStatementsLanguage() throws Exception {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("signatureBlock", Map.of("place", "Desa Kuok", "signatories", List.of(
                Map.of("title", "Direktur", "titleEn", "Director", "name", "Budi Santoso"),
                Map.of("title", "Ketua Pengawas", "titleEn", "Chair of the Supervisory Board", "name",
                        "Siti Aminah"))))).put(settings(led)).then().statusCode(200);
        String day = "2026-06-30";
        String id = pdfText(led, "id", day);
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag("id"))
                .format(LocalDate.parse(day));
        assertTrue(date.contains("Juni"), date);
        assertTrue(id.contains("Desa Kuok, " + date), id);
        assertTrue(id.contains("Direktur") && id.contains("Ketua Pengawas"), id);
        assertTrue(id.contains("Budi Santoso") && id.contains("Siti Aminah"), id);
        String en = pdfText(led, "en", day);
        assertTrue(en.contains("Director") && en.contains("Chair of the Supervisory Board"), en);
        assertTrue(en.contains("Desa Kuok, June 30, 2026"), en);
        // Every formal statement, and the books, sign the same way.
        for (String statement : List.of("statements/trial-balance?asOf=" + day, "statements/income-statement?to=" + day,
                "statements/cash-flow?to=" + day, "statements/equity-changes?to=" + day, "statements/notes?asOf=" + day,
                "statements/cash-book?from=2026-06-01&to=" + day, "accounts/1-1100/ledger?from=2026-06-01&to=" + day)) {
            byte[] pdf = as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/" + statement
                    + "&format=pdf").then().statusCode(200).extract().asByteArray();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                assertTrue(text.contains("Desa Kuok, " + date) && text.contains("Siti Aminah"), statement + text);
            }
        }
        // Without a block no signature is printed; the place would default to the village.
        UUID unsigned = Api.createLed();
        assertTrue(!pdfText(unsigned, "id", day).contains("Kuok, " + date));
    }

    @Test
    void theManagerPublishesThePublicSummaryAndEveryChangeIsAudited() {
        UUID led = Api.createLed();
        as(Tokens.clerk(led)).body(Map.of("publicSummaryPublished", true)).put(settings(led)).then().statusCode(403);
        as(Tokens.manager(led)).body(Map.of("publicSummaryPublished", "ya")).put(settings(led)).then()
                .statusCode(400).contentType("application/problem+json");
        as(Tokens.manager(led)).header("If-Match", "\"0\"").body(Map.of("publicSummaryPublished", true))
                .put(settings(led)).then().statusCode(200).header("ETag", "\"1\"")
                .body("publicSummaryPublished", org.hamcrest.Matchers.equalTo(true));
        as(Tokens.auditor(led)).get(settings(led)).then().statusCode(200)
                .body("publicSummaryPublished", org.hamcrest.Matchers.equalTo(true));
        // A PUT states the whole settings: leaving the switch out turns it off again.
        as(Tokens.manager(led)).body(Map.of("lendingCashFlow", "INVESTING")).put(settings(led)).then()
                .statusCode(200).body("publicSummaryPublished", org.hamcrest.Matchers.equalTo(false));
        List<Object> changes = as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.action == 'statement-settings.replaced' }.changes");
        assertEquals(2, changes.size());
        assertTrue(changes.stream().allMatch(c -> c.toString().contains("publicSummaryPublished")), changes
                .toString());
    }

    @Test
    void refusalsChangeNothing() {
        UUID led = Api.createLed();
        String manager = Tokens.manager(led);
        as(manager).body(Map.of("lendingCashFlow", "INVESTING")).put(settings(led)).then().statusCode(200)
                .header("ETag", "\"1\"");
        as(manager).body(Map.of("accountGroups", List.of(Map.of("account", "1-1100", "group",
                "OPERATING_INCOME")))).put(settings(led)).then().statusCode(400)
                .contentType("application/problem+json");
        as(manager).body(Map.of("accountGroups", List.of(Map.of("account", "9-9999", "group",
                "OTHER_EXPENSE")))).put(settings(led)).then().statusCode(422);
        as(manager).body(Map.of("accountGroups", List.of(Map.of("account", "1-1100", "group", "CURRENT_ASSETS"),
                Map.of("account", "1-1100", "group", "NON_CURRENT_ASSETS")))).put(settings(led)).then()
                .statusCode(400);
        as(manager).body(Map.of("accountGroups", List.of(Map.of("account", "1-1100", "group", "SIDEWAYS"))))
                .put(settings(led)).then().statusCode(400);
        as(manager).body(Map.of("signatureBlock", Map.of("signatories", List.of(Map.of("title", "Direktur")))))
                .put(settings(led)).then().statusCode(400);
        as(manager).header("If-Match", "\"0\"").body(Map.of()).put(settings(led)).then().statusCode(412);
        as(Tokens.clerk(led)).body(Map.of()).put(settings(led)).then().statusCode(403);
        as(Tokens.trainer(led)).get(settings(led)).then().statusCode(403);
        as(Tokens.manager(Api.createLed())).get(settings(led)).then().statusCode(404);
        JsonPath json = as(manager).get(settings(led)).then().statusCode(200).header("ETag", "\"1\"").extract()
                .jsonPath();
        assertEquals("INVESTING", json.getString("lendingCashFlow"));
        assertEquals(List.of(), json.getList("accountGroups"));
    }

    private static String pdfText(UUID led, String language, String day) throws Exception {
        byte[] pdf = as(Tokens.auditor(led)).header("Accept-Language", language).get("/api/v1/leds/" + led
                + "/statements/balance-sheet?format=pdf&asOf=" + day).then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static Map<String, Object> presentation(JsonPath json, String account) {
        return json.<Map<String, Object>>getList("presentation").stream().filter(p -> account.equals(p.get("account")))
                .findFirst().orElseThrow();
    }
}
