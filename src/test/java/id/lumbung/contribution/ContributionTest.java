package id.lumbung.contribution;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ContributionTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    private static Map<String, Object> swadaya(String amount, LocalDate receivedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "COMMUNITY_EQUITY");
        body.put("amount", amount);
        body.put("receivedOn", receivedOn.toString());
        return body;
    }

    private static long writes() {
        return Db.writes() + Db.number("SELECT count(*) FROM contribution");
    }

    @Test
    void recordsSwadayaAndPostsOneContributionEntryThatPointsBack() {
        UUID led = Api.createLed();
        Map<String, Object> body = swadaya("2500000", TODAY.minusDays(2));
        body.put("description", "Swadaya warga Dusun II untuk modal bergulir");
        Response response = as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/contributions");
        String id = response.path("id");
        String entryId = response.path("entryId");
        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/leds/" + led + "/contributions/" + id))
                .body("type", equalTo("COMMUNITY_EQUITY"))
                .body("memberId", nullValue())
                .body("amount", equalTo("2500000.00"))
                .body("receivedOn", equalTo(TODAY.minusDays(2).toString()))
                .body("description", equalTo("Swadaya warga Dusun II untuk modal bergulir"))
                .body("account", equalTo("1-1100"))
                .body("recordedBy", equalTo("clerk.budi"));

        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + entryId).then().statusCode(200)
                .body("kind", equalTo("CONTRIBUTION"))
                .body("effectiveDate", equalTo(TODAY.minusDays(2).toString()))
                .body("description", equalTo("Swadaya warga Dusun II untuk modal bergulir"))
                .body("reference.type", equalTo("CONTRIBUTION"))
                .body("reference.id", equalTo(id))
                .body("postings", hasSize(2))
                .body("postings[0].account", equalTo("1-1100"))
                .body("postings[0].side", equalTo("DEBIT"))
                .body("postings[0].amount", equalTo("2500000.00"))
                .body("postings[1].account", equalTo("3-1200"))
                .body("postings[1].side", equalTo("CREDIT"))
                .body("postings[1].amount", equalTo("2500000.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/contributions/" + id).then().statusCode(200)
                .body("entryId", equalTo(entryId));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then()
                .body("balance", equalTo("2500000.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/3-1200").then()
                .body("balance", equalTo("2500000.00"));
    }

    @Test
    void defaultsTheDescriptionAndMayGoToTheBank() {
        UUID led = Api.createLed();
        Map<String, Object> body = swadaya("1000000", TODAY);
        body.put("account", "1-1200");
        String entryId = as(Tokens.manager(led)).body(body).post("/api/v1/leds/" + led + "/contributions")
                .then().statusCode(201).body("description", equalTo("Modal swadaya masyarakat"))
                .body("account", equalTo("1-1200")).extract().path("entryId");
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + entryId).then()
                .body("postings[0].account", equalTo("1-1200"));
    }

    @Test
    void savingsDepositCreditsTheMembersSavingsThroughOneEntry() {
        UUID led = Api.createLed();
        String member = as(Tokens.clerk(led))
                .body(Map.of("name", "Siti Rahmawati", "nik", "1406014507900003", "gender", "F",
                        "birthDate", "1990-07-05"))
                .post("/api/v1/leds/" + led + "/members").then().statusCode(201).extract().path("id");
        Map<String, Object> body = swadaya("50000", TODAY);
        body.put("type", "SAVINGS_DEPOSIT");
        body.put("memberId", member);
        Response response = as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/contributions");
        response.then().statusCode(201)
                .body("type", equalTo("SAVINGS_DEPOSIT"))
                .body("memberId", equalTo(member))
                .body("account", equalTo("1-1100"));
        String entryId = response.path("entryId");
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + entryId).then()
                .body("kind", equalTo("SAVINGS_DEPOSIT"))
                .body("postings[0].account", equalTo("1-1100"))
                .body("postings[1].account", equalTo("2-1100"))
                .body("postings[1].amount", equalTo("50000.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/members/" + member + "/savings").then()
                .body("balance", equalTo("50000.00"))
                .body("movements.items[0].entryId", equalTo(entryId));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/2-1100").then()
                .body("balance", equalTo("50000.00"));
    }

    @Test
    void savingsDepositNeedsAKnownMemberAndCashWritingNothingOtherwise() {
        UUID led = Api.createLed();
        long before = writes();
        Map<String, Object> noMember = swadaya("50000", TODAY);
        noMember.put("type", "SAVINGS_DEPOSIT");
        as(Tokens.clerk(led)).body(noMember).post("/api/v1/leds/" + led + "/contributions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("fields[0].field", equalTo("memberId"));
        Map<String, Object> unknown = swadaya("50000", TODAY);
        unknown.put("type", "SAVINGS_DEPOSIT");
        unknown.put("memberId", UUID.randomUUID().toString());
        as(Tokens.clerk(led)).body(unknown).post("/api/v1/leds/" + led + "/contributions").then()
                .statusCode(422).body("type", equalTo("urn:lumbung:problem:unknown-member"))
                .body("fields[0].field", equalTo("memberId"));
        Map<String, Object> withMember = swadaya("50000", TODAY);
        withMember.put("memberId", UUID.randomUUID().toString());
        as(Tokens.clerk(led)).body(withMember).post("/api/v1/leds/" + led + "/contributions").then()
                .statusCode(400).body("fields[0].field", equalTo("memberId"));
        Map<String, Object> unknownType = swadaya("50000", TODAY);
        unknownType.put("type", "ZAKAT");
        as(Tokens.clerk(led)).body(unknownType).post("/api/v1/leds/" + led + "/contributions").then()
                .statusCode(400).body("fields[0].field", equalTo("type"));
        assertEquals(before, writes());
    }

    @Test
    void managerAndClerkRecordOthersReadOrNothing() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        String otherOfficer = Tokens.districtOfficer(Api.createDistrict());
        String path = "/api/v1/leds/" + led + "/contributions";
        long before = writes();
        as(Tokens.auditor(led)).body(swadaya("1000", TODAY)).post(path).then().statusCode(403);
        as(Tokens.trainer(led)).body(swadaya("1000", TODAY)).post(path).then().statusCode(403);
        as(Tokens.districtOfficer(district)).body(swadaya("1000", TODAY)).post(path).then().statusCode(403);
        as(otherOfficer).body(swadaya("1000", TODAY)).post(path).then().statusCode(404);
        as(otherOfficer).get(path).then().statusCode(404);
        assertEquals(before, writes());
        as(Tokens.districtOfficer(district)).get(path).then().statusCode(200).body("items", hasSize(0));
        as(Tokens.trainer(led)).get(path).then().statusCode(403);
    }

    @Test
    void rejectsBadAmountsAccountsAndDatesWritingNothing() {
        UUID led = Api.createLed();
        String path = "/api/v1/leds/" + led + "/contributions";
        long before = writes();
        as(Tokens.clerk(led)).body(swadaya("0", TODAY)).post(path).then().statusCode(400)
                .body("fields[0].field", equalTo("amount"));
        as(Tokens.clerk(led)).body(swadaya("-1", TODAY)).post(path).then().statusCode(400)
                .body("fields[0].field", equalTo("amount"));
        as(Tokens.clerk(led)).body(swadaya("10", TODAY.plusDays(1))).post(path).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:effective-date-in-future"))
                .body("fields[0].field", equalTo("receivedOn"));
        Map<String, Object> equity = swadaya("10", TODAY);
        equity.put("account", "3-1200");
        as(Tokens.clerk(led)).body(equity).post(path).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:account-not-allowed"));
        equity.put("account", "1-1150");
        as(Tokens.clerk(led)).body(equity).post(path).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:unknown-account"));
        assertEquals(before, writes());

        as(Tokens.manager(led)).body(Map.of("through", TODAY.minusDays(1).toString()))
                .post("/api/v1/leds/" + led + "/periods/close").then().statusCode(201);
        long closed = writes();
        as(Tokens.clerk(led)).body(swadaya("10", TODAY.minusDays(5))).post(path).then().statusCode(409)
                .body("type", equalTo("urn:lumbung:problem:period-closed"));
        assertEquals(closed, writes());
    }

    @Test
    void replaysSameIdempotencyKeyWithOneContributionAndOneEntry() {
        UUID led = Api.createLed();
        String path = "/api/v1/leds/" + led + "/contributions";
        Response first = as(Tokens.clerk(led)).header("Idempotency-Key", "swadaya-maret")
                .body(swadaya("750000", TODAY)).post(path);
        first.then().statusCode(201);
        as(Tokens.clerk(led)).header("Idempotency-Key", "swadaya-maret").body(swadaya("750000.00", TODAY)).post(path)
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id"))).body("entryId", equalTo(first.path("entryId")));
        assertEquals(1, Db.number("SELECT count(*) FROM contribution WHERE led_id = ?", led));
        assertEquals(1, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then()
                .body("balance", equalTo("750000.00"));
    }

    @Test
    void listsContributionsOfATypeWithACursor() {
        UUID led = Api.createLed();
        String path = "/api/v1/leds/" + led + "/contributions";
        for (int i = 1; i <= 3; i++) {
            as(Tokens.clerk(led)).body(swadaya(i + "00000", TODAY)).post(path).then().statusCode(201);
        }
        Response page = as(Tokens.auditor(led)).queryParam("type", "COMMUNITY_EQUITY").queryParam("limit", 2)
                .get(path);
        page.then().statusCode(200).body("items", hasSize(2)).body("items[0].amount", equalTo("100000.00"));
        as(Tokens.auditor(led)).queryParam("limit", 2).queryParam("after", (String) page.path("next")).get(path)
                .then().body("items", hasSize(1)).body("items[0].amount", equalTo("300000.00"))
                .body("next", nullValue());
        as(Tokens.auditor(led)).queryParam("type", "SAVINGS_DEPOSIT").get(path).then().body("items", hasSize(0));
        as(Tokens.auditor(led)).get(path + "/" + UUID.randomUUID()).then().statusCode(404);
    }
}
