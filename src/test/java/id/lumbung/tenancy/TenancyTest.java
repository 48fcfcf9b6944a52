package id.lumbung.tenancy;

import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import id.lumbung.ledger.AccountType;
import id.lumbung.ledger.AccountPurpose;
import id.lumbung.platform.security.Role;
import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Districts, LEDs and who sees which: the tenancy boundary as callers meet it. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class TenancyTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();

    @Test
    void adminRegistersADistrict() {
        String code = uniqueCode();
        Response created = as(Tokens.admin()).body(district(code)).post("/api/v1/districts");
        created.then().statusCode(201)
                .header("Location", endsWith("/api/v1/districts/" + created.path("id")))
                .body("id", notNullValue())
                .body("code", equalTo(code))
                .body("name", equalTo("Kabupaten Kampar " + code))
                .body("createdAt", notNullValue());
        as(Tokens.admin()).get("/api/v1/districts/" + created.path("id")).then().statusCode(200)
                .body("code", equalTo(code));
    }

    @Test
    void adminOpensAnLed() {
        UUID district = Api.createDistrict();
        String code = uniqueCode();
        Response created = as(Tokens.admin()).body(led(district, code)).post("/api/v1/leds");
        created.then().statusCode(201)
                .header("Location", endsWith("/api/v1/leds/" + created.path("id")))
                .body("districtId", equalTo(district.toString()))
                .body("code", equalTo(code))
                .body("name", equalTo("LED Desa Kuok " + code))
                .body("village", equalTo("Kuok"))
                .body("createdAt", notNullValue());
        as(Tokens.admin()).get("/api/v1/leds/" + created.path("id")).then().statusCode(200)
                .body("code", equalTo(code));
    }

    @Test
    void refusesADuplicateDistrictCode() {
        String code = uniqueCode();
        as(Tokens.admin()).body(district(code)).post("/api/v1/districts").then().statusCode(201);
        assertProblem(rejected(() -> as(Tokens.admin()).body(district(code)).post("/api/v1/districts")),
                409, "duplicate-district-code");
    }

    @Test
    void refusesADuplicateLedCodeInADistrictButNotInAnother() {
        UUID district = Api.createDistrict();
        String code = uniqueCode();
        as(Tokens.admin()).body(led(district, code)).post("/api/v1/leds").then().statusCode(201);
        assertProblem(rejected(() -> as(Tokens.admin()).body(led(district, code)).post("/api/v1/leds")),
                409, "duplicate-led-code");
        as(Tokens.admin()).body(led(Api.createDistrict(), code)).post("/api/v1/leds").then().statusCode(201);
    }

    @Test
    void districtOfficerOpensLedsInItsOwnDistrictOnly() {
        UUID own = Api.createDistrict();
        UUID other = Api.createDistrict();
        String officer = Tokens.districtOfficer(own);
        as(officer).body(led(own, uniqueCode())).post("/api/v1/leds").then().statusCode(201)
                .body("districtId", equalTo(own.toString()));
        assertProblem(rejected(() -> as(officer).body(led(other, uniqueCode())).post("/api/v1/leds")),
                400, "validation-failed", "districtId");
        // A district that does not exist answers exactly like one outside the officer's scope.
        assertProblem(rejected(() -> as(officer).body(led(UUID.randomUUID(), uniqueCode())).post("/api/v1/leds")),
                400, "validation-failed", "districtId");
    }

    @Test
    void listsExactlyTheLedsInTheCallersScopeAPageAtATime() {
        UUID districtA = Api.createDistrict();
        UUID districtB = Api.createDistrict();
        List<String> inA = List.of(Api.createLed(districtA).toString(), Api.createLed(districtA).toString(),
                Api.createLed(districtA).toString());
        String inB = Api.createLed(districtB).toString();

        assertEquals(List.of(inA.get(0)), allLedIds(Tokens.manager(UUID.fromString(inA.get(0))), 1));
        assertEquals(inA, allLedIds(Tokens.districtOfficer(districtA), 1));
        assertEquals(List.of(inB), allLedIds(Tokens.districtOfficer(districtB), 2));
        List<String> seenByAdmin = allLedIds(Tokens.admin(), 500);
        assertTrue(seenByAdmin.containsAll(inA) && seenByAdmin.contains(inB), "admin sees every LED");
    }

    @Test
    void managerOfOneLedFindsNothingOfAnother() {
        UUID ledA = Api.createLed();
        UUID ledB = Api.createLed();
        UUID entryOfB = Api.post(ledB, TODAY, "1-1100", "3-1200", "100.00");
        String managerOfA = Tokens.manager(ledA);
        String b = "/api/v1/leds/" + ledB;
        Map<String, Supplier<Response>> requests = Map.ofEntries(
                Map.entry("GET led", () -> as(managerOfA).get(b)),
                Map.entry("GET accounts", () -> as(managerOfA).get(b + "/accounts")),
                Map.entry("GET account", () -> as(managerOfA).get(b + "/accounts/1-1100")),
                Map.entry("POST account", () -> as(managerOfA)
                        .body(Map.of("code", "5-1400", "name", "Beban Transportasi", "type", "EXPENSE"))
                        .post(b + "/accounts")),
                Map.entry("GET entries", () -> as(managerOfA).get(b + "/journal-entries")),
                Map.entry("GET entry", () -> as(managerOfA).get(b + "/journal-entries/" + entryOfB)),
                Map.entry("POST entry", () -> as(managerOfA).body(Api.entry(TODAY, "1-1100", "3-1200", "5.00"))
                        .post(b + "/journal-entries")),
                Map.entry("POST reversal", () -> as(managerOfA).body(Map.of("reason", "salah input"))
                        .post(b + "/journal-entries/" + entryOfB + "/reversal")),
                Map.entry("GET periods", () -> as(managerOfA).get(b + "/periods")),
                Map.entry("POST close", () -> as(managerOfA).body(Map.of("through", TODAY))
                        .post(b + "/periods/close")),
                Map.entry("GET verification", () -> as(managerOfA).get(b + "/journal/verification")));
        assertAll(requests.entrySet().stream().map(request -> (Executable) () -> {
            try {
                assertProblem(rejected(request.getValue()), 404, "not-found");
            } catch (AssertionError e) {
                throw new AssertionError(request.getKey() + ": " + e.getMessage(), e);
            }
        }));
    }

    @Test
    void districtOfficerReadsTheBooksOfItsLedsButCannotPostAdjustments() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        String officer = Tokens.districtOfficer(district);
        as(officer).get("/api/v1/leds/" + led + "/accounts").then().statusCode(200)
                .body("items", hasSize(AccountPurpose.values().length));
        as(officer).get("/api/v1/leds/" + led + "/journal-entries").then().statusCode(200);
        assertProblem(rejected(() -> as(officer).body(Api.entry(TODAY, "1-1100", "3-1200", "5.00"))
                .post("/api/v1/leds/" + led + "/journal-entries")), 403, "forbidden");
        String officerElsewhere = Tokens.districtOfficer(Api.createDistrict());
        assertProblem(rejected(() -> as(officerElsewhere).get("/api/v1/leds/" + led + "/accounts")),
                404, "not-found");
    }

    @Test
    void newLedStartsWithTheDefaultChart() {
        UUID led = Api.createLed();
        List<Map<String, Object>> accounts = as(Tokens.auditor(led)).queryParam("limit", 500)
                .get("/api/v1/leds/" + led + "/accounts").then().statusCode(200).extract().path("items");
        assertEquals(Stream.of(AccountPurpose.values()).map(AccountPurpose::defaultCode).sorted().toList(),
                accounts.stream().map(a -> a.get("code")).toList());
        for (AccountPurpose line : AccountPurpose.values()) {
            String code = line.defaultCode();
            Map<String, Object> account = accounts.stream().filter(a -> a.get("code").equals(code))
                    .findFirst().orElseThrow();
            assertEquals(line.defaultName(), account.get("name"), code);
            assertEquals(line.name(), account.get("purpose"), code);
            assertEquals(line.type().name(), account.get("type"), code);
            assertEquals(line.contra(), account.get("contra"), code);
            assertEquals(line.noNegative(), account.get("noNegative"), code);
            assertEquals(normalSide(line.type(), line.contra()), account.get("normalSide"), code);
            assertEquals("0.00", account.get("balance"), code);
        }
        String accountsPath = "/api/v1/leds/" + led + "/accounts/";
        as(Tokens.auditor(led)).get(accountsPath + "1-1100").then().body("noNegative", equalTo(true));
        as(Tokens.auditor(led)).get(accountsPath + "1-1200").then().body("noNegative", equalTo(true));
        as(Tokens.auditor(led)).get(accountsPath + "1-1310").then()
                .body("type", equalTo("ASSET")).body("contra", equalTo(true)).body("normalSide", equalTo("CREDIT"))
                .body("noNegative", equalTo(false)).body("parentCode", nullValue());
    }

    @Test
    void recordsTheTokenSubjectAsTheAuthorOfEveryWrite() {
        UUID led = Api.createLed();
        String subject = "manager.dewi.lestari";
        String manager = Tokens.of(Role.LED_MANAGER, subject, List.of(), List.of(led));
        String entries = "/api/v1/leds/" + led + "/journal-entries";
        String entry = as(manager).body(Api.entry(TODAY, "1-1100", "3-1200", "100.00")).post(entries)
                .then().statusCode(201).body("recordedBy", equalTo(subject)).extract().path("id");
        as(Tokens.auditor(led)).get(entries + "/" + entry).then().body("recordedBy", equalTo(subject));
        as(manager).body(Map.of("reason", "salah input")).post(entries + "/" + entry + "/reversal")
                .then().statusCode(201).body("recordedBy", equalTo(subject));
        as(manager).body(Map.of("through", LocalDate.parse(TODAY).minusDays(1).toString()))
                .post("/api/v1/leds/" + led + "/periods/close")
                .then().statusCode(201).body("closedBy", equalTo(subject));
    }

    /** Every LED id the caller can list, following {@code next} with pages of {@code limit}. */
    private static List<String> allLedIds(String token, int limit) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            var request = as(token).queryParam("limit", limit);
            if (after != null) {
                request.queryParam("after", after);
            }
            Response page = request.get("/api/v1/leds");
            page.then().statusCode(200).body("items.size()", lessThanOrEqualTo(limit));
            ids.addAll(page.path("items.id"));
            after = page.path("next");
        } while (after != null);
        return ids;
    }

    /** Debit for assets and expenses, credit otherwise; the other side for a contra account. */
    private static String normalSide(AccountType type, boolean contra) {
        boolean debit = type == AccountType.ASSET || type == AccountType.EXPENSE;
        return debit != contra ? "DEBIT" : "CREDIT";
    }

    private static String uniqueCode() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> district(String code) {
        return Map.of("code", code, "name", "Kabupaten Kampar " + code);
    }

    private static Map<String, Object> led(UUID district, String code) {
        return Map.of("districtId", district, "code", code, "name", "LED Desa Kuok " + code, "village", "Kuok");
    }
}
