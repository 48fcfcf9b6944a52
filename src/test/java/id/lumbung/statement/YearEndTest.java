package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.money.Amount;
import id.lumbung.platform.security.Role;
import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Year-end close with maker–checker: the closing entry empties income and expenses into retained
 * surplus, the allocation follows the assembly's percentages, the year is closed, and the statements
 * read it right (the closed year's income statement unchanged, the balance sheet after it showing
 * the allocation). Then the refusals, each of which changes nothing.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class YearEndTest {

    @jakarta.inject.Inject
    PostingService posting;

    private static final Map<String, Object> REQUEST = Map.of("year", 2025, "allocation", List.of(
            Map.of("to", "CAPITAL", "percent", "50"), Map.of("to", "SOCIAL_FUND", "percent", "15"),
            Map.of("to", "INSTITUTION", "percent", "35")), "decidedOn", "2026-02-15",
            "decisionReference", "Berita Acara MAD 12/2025");

    private static String second(UUID led) {
        return Tokens.of(Role.LED_MANAGER, "manager.ahmad", List.of(), List.of(led));
    }

    private static String base(UUID led) {
        return "/api/v1/leds/" + led;
    }

    /** An LED with a 2025 of 1,500,000.00 income and 300,333.00 expenses, and some 2026. */
    private static UUID ledWithA2025() {
        UUID led = Api.createLed();
        Api.post(led, "2025-03-01", "1-1100", "3-1200", "10000000.00");
        Api.post(led, "2025-06-01", "1-1100", "4-1900", "1500000.00");
        Api.post(led, "2025-07-01", "5-1100", "1-1100", "300333.00");
        Api.post(led, "2026-02-01", "1-1100", "4-1900", "100000.00");
        return led;
    }

    @Test
    void approvalClosesTheYearIntoRetainedSurplusAndPostsTheAllocation() {
        UUID led = ledWithA2025();
        JsonPath held = as(Tokens.manager(led)).body(REQUEST).post(base(led) + "/year-end").then().statusCode(202)
                .extract().jsonPath();
        assertEquals("PENDING", held.getString("status"));
        String close = base(led) + "/year-end/" + held.getString("id");
        // Nothing is posted while it waits, and its maker cannot approve it.
        as(Tokens.manager(led)).body(Map.of()).post(close + "/approval").then().statusCode(403);
        JsonPath done = as(second(led)).body(Map.of("note", "Sesuai berita acara")).post(close + "/approval").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("APPROVED", done.getString("status"));
        assertEquals("1199667.00", done.getString("surplus"));
        // 50 % and 15 % rounded to the rupiah (the default step), the rest to the last target.
        assertEquals(List.of("599834.00", "179950.00", "419883.00"), done.getList("shares.amount"));
        assertEquals(List.of("3-1400", "2-1300", "2-1400"), done.getList("shares.account"));
        assertNotNull(done.getString("closingEntryId"));

        JsonPath closing = as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + done.getString(
                "closingEntryId")).then().statusCode(200).extract().jsonPath();
        assertEquals("CLOSING", closing.getString("kind"));
        assertEquals("2025-12-31", closing.getString("effectiveDate"));
        JsonPath allocation = as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + done.getString(
                "allocationEntryId")).then().statusCode(200).extract().jsonPath();
        assertEquals("SURPLUS_ALLOCATION", allocation.getString("kind"));
        assertEquals("2026-02-15", allocation.getString("effectiveDate"));

        // The books are closed through the year: nothing else can be dated in it.
        as(Tokens.auditor(led)).get(base(led) + "/periods").then().statusCode(200)
                .body("closedThrough", org.hamcrest.Matchers.equalTo("2025-12-31"));
        as(Tokens.manager(led)).body(Api.entry("2025-12-30", "5-1100", "1-1100", "1000.00"))
                .post(base(led) + "/journal-entries").then().statusCode(409);

        // The closed year's income statement still shows its income and expenses.
        JsonPath income = as(Tokens.auditor(led)).get(base(led) + "/statements/income-statement?from=2025-01-01"
                + "&to=2025-12-31").then().statusCode(200).extract().jsonPath();
        assertEquals("1199667.00", income.getString("surplus.amount"));
        // The trial balance before the closing entry, and after it.
        JsonPath before = trialBalance(led, "asOf=2025-12-31");
        JsonPath after = trialBalance(led, "asOf=2025-12-31&postClosing=true");
        assertEquals("1500000.00", line(before, "4-1900").get("credit"));
        assertEquals("0.00", line(after, "4-1900").get("credit"));
        assertEquals("0.00", line(after, "5-1100").get("debit"));
        assertEquals("1199667.00", line(after, "3-1300").get("credit"));
        assertEquals(after.getString("totals.debit"), after.getString("totals.credit"));

        // After the allocation: retained surplus handed on, the shares in their accounts, the 2026 surplus open.
        JsonPath sheet = as(Tokens.auditor(led)).get(base(led) + "/statements/balance-sheet?asOf=2026-03-01")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("100000.00", sheet.getString("currentYearSurplus.amount"));
        // As of the previous year-end the closing entry has already moved the year into retained surplus.
        assertEquals("0.00", sheet.getString("currentYearSurplus.comparative"));
        assertEquals(sheet.getString("assets.total.amount"), sheet.getString("liabilitiesAndEquity.amount"));
        assertEquals("0.00", equity(sheet, "3-1300"));
        assertEquals("599834.00", equity(sheet, "3-1400"));
        assertTrue(sheet.<String>getList("liabilities.groups[0].lines.amount").containsAll(
                List.of("179950.00", "419883.00")));

        // Closed once.
        as(Tokens.manager(led)).body(REQUEST).post(base(led) + "/year-end").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("year-already-closed"));
        as(second(led)).body(Map.of()).post(close + "/approval").then().statusCode(409);
        as(Tokens.auditor(led)).get(base(led) + "/year-end").then().statusCode(200).body("items.size()",
                org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aTargetAccountChosenInTheStatementSettingsTakesItsShare() {
        UUID led = ledWithA2025();
        String manager = Tokens.manager(led);
        String accounts = base(led) + "/accounts";
        as(manager).body(Map.of("code", "2-1310", "name", "Dana Sosial Kesehatan", "type", "LIABILITY"))
                .post(accounts).then().statusCode(201);
        as(manager).body(Map.of("code", "3-1410", "name", "Cadangan Modal Bergulir", "type", "EQUITY"))
                .post(accounts).then().statusCode(201);
        as(manager).body(Map.of("code", "1-2100", "name", "Peralatan", "type", "ASSET")).post(accounts).then()
                .statusCode(201);
        String settings = base(led) + "/settings/statements";
        // Refused, each changing nothing: capital kept as a debt, an asset, another system account, twice.
        for (List<Map<String, String>> bad : List.of(
                List.of(Map.of("target", "CAPITAL", "account", "2-1310")),
                List.of(Map.of("target", "SOCIAL_FUND", "account", "1-2100")),
                List.of(Map.of("target", "CAPITAL", "account", "3-1300")),
                List.of(Map.of("target", "SOCIAL_FUND", "account", "2-1100")),
                List.of(Map.of("target", "SOCIAL_FUND", "account", "2-1310"),
                        Map.of("target", "SOCIAL_FUND", "account", "2-1300")))) {
            as(manager).body(Map.of("allocationTargets", bad)).put(settings).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        as(manager).body(Map.of("allocationTargets", List.of(Map.of("target", "SOCIAL_FUND", "account",
                "2-9999")))).put(settings).then().statusCode(422);
        as(Tokens.clerk(led)).body(Map.of("allocationTargets", List.of())).put(settings).then().statusCode(403);
        as(Tokens.auditor(led)).get(settings).then().statusCode(200).header("ETag", "\"0\"")
                .body("allocationTargets.source", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(
                        "DEFAULT")));

        JsonPath chosen = as(manager).header("If-Match", "\"0\"").body(Map.of("allocationTargets", List.of(
                Map.of("target", "SOCIAL_FUND", "account", "2-1310"),
                Map.of("target", "CAPITAL", "account", "3-1410")))).put(settings).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(Map.of("target", "CAPITAL", "account", "3-1410", "source", "SETTING"),
                Map.of("target", "SOCIAL_FUND", "account", "2-1310", "source", "SETTING"),
                Map.of("target", "INSTITUTION", "account", "2-1400", "source", "DEFAULT")),
                chosen.getList("allocationTargets"));

        String id = as(manager).body(REQUEST).post(base(led) + "/year-end").then().statusCode(202).extract()
                .path("id");
        JsonPath done = as(second(led)).body(Map.of()).post(base(led) + "/year-end/" + id + "/approval").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("3-1410", "2-1310", "2-1400"), done.getList("shares.account"));
        JsonPath after = trialBalance(led, "asOf=2026-02-15");
        assertEquals("599834.00", line(after, "3-1410").get("credit"));
        assertEquals("179950.00", line(after, "2-1310").get("credit"));
        assertEquals("419883.00", line(after, "2-1400").get("credit"));
        // The system accounts the LED replaced received nothing.
        assertTrue(after.<String>getList("lines.account").stream().noneMatch(a -> a.equals("3-1400")
                || a.equals("2-1300")) || "0.00".equals(line(after, "3-1400").get("credit")));
    }

    @Test
    void aDeficitYearClosesWithoutAnAllocationAndAnAllocationForItIsRefused() {
        UUID led = Api.createLed();
        Api.post(led, "2025-03-01", "1-1100", "3-1200", "1000000.00");
        Api.post(led, "2025-04-01", "5-1100", "1-1100", "250000.00");
        String first = as(Tokens.manager(led)).body(REQUEST).post(base(led) + "/year-end").then().statusCode(202)
                .extract().path("id");
        as(second(led)).body(Map.of()).post(base(led) + "/year-end/" + first + "/approval").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("allocation-invalid"));
        // Nothing changed: still pending, nothing posted, the period open.
        as(Tokens.auditor(led)).get(base(led) + "/year-end/" + first).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        as(Tokens.auditor(led)).get(base(led) + "/periods").then().statusCode(200)
                .body("closedThrough", org.hamcrest.Matchers.nullValue());
        as(Tokens.manager(led)).body(Map.of()).post(base(led) + "/year-end/" + first + "/rejection").then()
                .statusCode(400);
        as(Tokens.manager(led)).body(Map.of("note", "Defisit: tanpa alokasi")).post(base(led) + "/year-end/"
                + first + "/rejection").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(
                        "REJECTED"));
        String again = as(Tokens.manager(led)).body(Map.of("year", 2025, "allocation", List.of(), "decidedOn",
                "2026-01-20", "decisionReference", "BA MAD 2/2026")).post(base(led) + "/year-end").then()
                .statusCode(202).extract().path("id");
        JsonPath done = as(second(led)).body(Map.of()).post(base(led) + "/year-end/" + again + "/approval").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("-250000.00", done.getString("surplus"));
        assertEquals(null, done.getString("allocationEntryId"));
        assertEquals("250000.00", line(trialBalance(led, "asOf=2025-12-31&postClosing=true"), "3-1300")
                .get("debit"));
    }

    @Test
    void aYearWhoseLoansMovedAfterItsLastProvisionIsNotClosed() {
        UUID led = Api.createLed();
        String manager = Tokens.manager(led);
        Api.post(led, "2025-01-02", "1-1200", "3-1100", "50000000.00");
        String nik = String.format("147101450790%04d", ThreadLocalRandom.current().nextInt(1, 9999));
        String member = as(Tokens.clerk(led)).body(Map.of("name", "Ani Tutup Buku", "nik", nik, "gender", "F",
                "birthDate", "1990-07-05")).post(base(led) + "/members").then().statusCode(201).extract().path("id");
        String product = as(manager).body(Map.of("name", "Pinjaman 2025", "interestMethod", "FLAT", "interestRate",
                "1.5", "ratePeriod", "MONTH", "frequency", "MONTHLY", "installments", 10, "graceInstallments", 0,
                "adminFeePercent", "1")).post(base(led) + "/loan-products").then().statusCode(201).extract()
                .path("id");
        String loan = as(Tokens.clerk(led)).body(Map.of("memberId", member, "productId", product, "principal",
                "2000000", "purpose", "Modal warung")).post(base(led) + "/loans").then().statusCode(201).extract()
                .path("id");
        as(manager).body(Map.of()).post(base(led) + "/loans/" + loan + "/approval").then().statusCode(200);
        as(manager).body(Map.of("disbursedOn", "2025-11-01")).post(base(led) + "/loans/" + loan + "/disbursement")
                .then().statusCode(201);
        String close = as(manager).body(Map.of("year", 2025, "allocation", List.of(), "decidedOn", "2026-01-20",
                "decisionReference", "BA MAD 1/2026")).post(base(led) + "/year-end").then().statusCode(202)
                .extract().path("id");
        as(second(led)).body(Map.of()).post(base(led) + "/year-end/" + close + "/approval").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("year-end-needs-provision"));
        as(manager).body(Map.of("asOf", "2025-12-31")).post(base(led) + "/provisions").then().statusCode(201);
        as(second(led)).body(Map.of()).post(base(led) + "/year-end/" + close + "/approval").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("APPROVED"));
    }

    @Test
    void badRequestsAreRefusedAndWriteNothing() {
        UUID led = ledWithA2025();
        String url = base(led) + "/year-end";
        as(Tokens.manager(led)).body(Map.of("year", 2025, "allocation", List.of(Map.of("to", "CAPITAL", "percent",
                "60"), Map.of("to", "SOCIAL_FUND", "percent", "30")), "decidedOn", "2026-02-15",
                "decisionReference", "BA")).post(url).then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("allocation-invalid"));
        as(Tokens.manager(led)).body(Map.of("year", 2025, "allocation", List.of(Map.of("to", "CAPITAL", "percent",
                "50"), Map.of("to", "CAPITAL", "percent", "50")), "decidedOn", "2026-02-15",
                "decisionReference", "BA")).post(url).then().statusCode(422);
        as(Tokens.manager(led)).body(Map.of("year", 2026, "allocation", List.of(), "decidedOn", "2026-02-15",
                "decisionReference", "BA")).post(url).then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("year-not-ended"));
        as(Tokens.manager(led)).body(Map.of("year", 2025, "allocation", List.of(), "decidedOn", "2025-12-31",
                "decisionReference", "BA")).post(url).then().statusCode(400);
        as(Tokens.manager(led)).body(Map.of("year", 2025, "allocation", List.of(Map.of("to", "BONUS", "percent",
                "100")), "decidedOn", "2026-02-15", "decisionReference", "BA")).post(url).then().statusCode(400);
        as(Tokens.manager(led)).body(Map.of("year", 2025, "allocation", List.of(Map.of("to", "CAPITAL", "percent",
                "1e2")), "decidedOn", "2026-02-15", "decisionReference", "BA")).post(url).then().statusCode(400);
        as(Tokens.clerk(led)).body(REQUEST).post(url).then().statusCode(403);
        as(Tokens.trainer(led)).get(url).then().statusCode(403);
        as(Tokens.manager(Api.createLed())).get(url).then().statusCode(404);
        as(Tokens.manager(led)).get(url + "/" + UUID.randomUUID()).then().statusCode(404);
        // No journal entry may be CLOSING except the one a year-end approval writes.
        Map<String, Object> closingKind = new java.util.HashMap<>(Api.entry("2026-03-01", "4-1900", "3-1300",
                "100000.00"));
        closingKind.put("kind", "CLOSING");
        as(Tokens.manager(led)).body(closingKind).post(base(led) + "/journal-entries").then().statusCode(
                org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(422)));
        as(Tokens.auditor(led)).get(url).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theJournalRefusesAClosingEntryThatNoYearEndCloseIsApproving() {
        UUID led = ledWithA2025();
        id.lumbung.platform.error.ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(
                id.lumbung.platform.error.ApiException.class, () -> posting.post(new EntryDraft(led,
                        java.time.LocalDate.of(2025, 12, 31), EntryKind.CLOSING, "Penutupan tanpa persetujuan", null,
                        null, List.of(new EntryDraft.Line("4-1900", Side.DEBIT, Amount.parse("1500000.00")),
                                new EntryDraft.Line("3-1300", Side.CREDIT, Amount.parse("1500000.00")))), "test"));
        assertEquals(id.lumbung.platform.error.ProblemType.KIND_NOT_ALLOWED, refused.type());
        assertEquals("1500000.00", line(trialBalance(led, "asOf=2025-12-31&postClosing=true"), "4-1900")
                .get("credit"));
    }

    private static JsonPath trialBalance(UUID led, String query) {
        return as(Tokens.auditor(led)).get(base(led) + "/statements/trial-balance?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, String> line(JsonPath trialBalance, String account) {
        return trialBalance.<Map<String, String>>getList("lines").stream().filter(l -> account.equals(l.get(
                "account"))).findFirst().orElseThrow();
    }

    private static String equity(JsonPath sheet, String account) {
        return sheet.<Map<String, Object>>getList("equity.groups[0].lines").stream()
                .filter(l -> account.equals(l.get("account"))).map(l -> (String) l.get("amount")).findFirst()
                .orElseThrow();
    }
}
