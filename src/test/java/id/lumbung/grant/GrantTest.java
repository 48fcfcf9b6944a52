package id.lumbung.grant;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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
class GrantTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    private static Map<String, Object> grant(String amount, LocalDate receivedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "APBD Kabupaten Kampar 2026");
        body.put("decreeNumber", "SK 412/2026");
        body.put("amount", amount);
        body.put("receivedOn", receivedOn.toString());
        return body;
    }

    private static long writes() {
        return Db.writes() + Db.number("SELECT count(*) FROM district_grant");
    }

    @Test
    void recordsGrantAndPostsOneGrantEntryThatPointsBack() {
        UUID led = Api.createLed();
        Response response = as(Tokens.manager(led)).body(grant("500000000", TODAY.minusDays(3)))
                .post("/api/v1/leds/" + led + "/grants");
        String id = response.path("id");
        String entryId = response.path("entryId");
        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/leds/" + led + "/grants/" + id))
                .body("source", equalTo("APBD Kabupaten Kampar 2026"))
                .body("decreeNumber", equalTo("SK 412/2026"))
                .body("amount", equalTo("500000000.00"))
                .body("receivedOn", equalTo(TODAY.minusDays(3).toString()))
                .body("account", equalTo("1-1200"))
                .body("recordedBy", equalTo("manager.siti"))
                .body("utilisation.received", equalTo("500000000.00"));

        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + entryId).then().statusCode(200)
                .body("kind", equalTo("GRANT"))
                .body("effectiveDate", equalTo(TODAY.minusDays(3).toString()))
                .body("description", equalTo("Hibah APBD Kabupaten Kampar 2026 (SK 412/2026)"))
                .body("reference.type", equalTo("GRANT"))
                .body("reference.id", equalTo(id))
                .body("postings", hasSize(2))
                .body("postings[0].account", equalTo("1-1200"))
                .body("postings[0].side", equalTo("DEBIT"))
                .body("postings[0].amount", equalTo("500000000.00"))
                .body("postings[1].account", equalTo("3-1100"))
                .body("postings[1].side", equalTo("CREDIT"))
                .body("postings[1].amount", equalTo("500000000.00"));

        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/grants/" + id).then().statusCode(200)
                .body("entryId", equalTo(entryId))
                .body("utilisation.received", equalTo("500000000.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1200").then()
                .body("balance", equalTo("500000000.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/3-1100").then()
                .body("balance", equalTo("500000000.00"));
    }

    @Test
    void districtOfficerRecordsIntoCashOrABankSubAccount() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        Map<String, Object> cash = grant("25000000.50", TODAY);
        cash.put("account", "1-1100");
        as(Tokens.districtOfficer(district)).body(cash).post("/api/v1/leds/" + led + "/grants")
                .then().statusCode(201).body("account", equalTo("1-1100"))
                .body("recordedBy", equalTo("officer.kampar"));

        as(Tokens.manager(led)).body(Map.of("code", "1-1200-01", "name", "Bank Riau Kepri", "type", "ASSET",
                "noNegative", true, "parentCode", "1-1200"))
                .post("/api/v1/leds/" + led + "/accounts").then().statusCode(201);
        Map<String, Object> bank = grant("75000000", TODAY);
        bank.put("account", "1-1200-01");
        String entryId = as(Tokens.districtOfficer(district)).body(bank).post("/api/v1/leds/" + led + "/grants")
                .then().statusCode(201).body("account", equalTo("1-1200-01")).extract().path("entryId");
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + entryId).then()
                .body("postings[0].account", equalTo("1-1200-01"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/3-1100").then()
                .body("balance", equalTo("100000000.50"));
    }

    @Test
    void refusesAnAccountThatDoesNotHoldMoney() {
        UUID led = Api.createLed();
        long before = writes();
        Map<String, Object> body = grant("1000000", TODAY);
        body.put("account", "1-1300");
        as(Tokens.manager(led)).body(body).post("/api/v1/leds/" + led + "/grants")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:account-not-allowed"))
                .body("fields[0].field", equalTo("account"));
        body.put("account", "5-1100");
        as(Tokens.manager(led)).body(body).post("/api/v1/leds/" + led + "/grants")
                .then().statusCode(422).body("type", equalTo("urn:lumbung:problem:account-not-allowed"));
        body.put("account", "1-1999");
        as(Tokens.manager(led)).body(body).post("/api/v1/leds/" + led + "/grants")
                .then().statusCode(422).body("type", equalTo("urn:lumbung:problem:unknown-account"))
                .body("fields[0].field", equalTo("account"));
        assertEquals(before, writes());
    }

    @Test
    void onlyTheDistrictOfficerAndTheManagerRecordGrants() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        String otherOfficer = Tokens.districtOfficer(Api.createDistrict());
        String neighbourManager = Tokens.manager(Api.createLed(district));
        String path = "/api/v1/leds/" + led + "/grants";
        long before = writes();
        as(Tokens.clerk(led)).body(grant("1000", TODAY)).post(path)
                .then().statusCode(403).body("type", equalTo("urn:lumbung:problem:forbidden"));
        as(Tokens.auditor(led)).body(grant("1000", TODAY)).post(path).then().statusCode(403);
        as(Tokens.trainer(led)).body(grant("1000", TODAY)).post(path).then().statusCode(403);
        as(otherOfficer).body(grant("1000", TODAY)).post(path)
                .then().statusCode(404).body("type", equalTo("urn:lumbung:problem:not-found"));
        as(neighbourManager).body(grant("1000", TODAY)).post(path).then().statusCode(404);
        assertEquals(before, writes());
    }

    @Test
    void rejectsBadAmountsAndDatesWritingNothing() {
        UUID led = Api.createLed();
        String path = "/api/v1/leds/" + led + "/grants";
        long before = writes();
        as(Tokens.manager(led)).body(grant("0", TODAY)).post(path).then().statusCode(400)
                .body("type", equalTo("urn:lumbung:problem:validation-failed"))
                .body("fields[0].field", equalTo("amount"));
        as(Tokens.manager(led)).body(grant("-5000", TODAY)).post(path).then().statusCode(400)
                .body("fields[0].field", equalTo("amount"));
        as(Tokens.manager(led)).body(grant("100.001", TODAY)).post(path).then().statusCode(400)
                .body("fields[0].field", equalTo("amount"));
        as(Tokens.manager(led)).body(grant("1000", TODAY.plusDays(1))).post(path).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:effective-date-in-future"))
                .body("fields[0].field", equalTo("receivedOn"));
        Map<String, Object> blank = grant("1000", TODAY);
        blank.put("decreeNumber", " ");
        as(Tokens.manager(led)).body(blank).post(path).then().statusCode(400)
                .body("fields[0].field", equalTo("decreeNumber"));
        Map<String, Object> extra = grant("1000", TODAY);
        extra.put("amout", "1000");
        as(Tokens.manager(led)).body(extra).post(path).then().statusCode(400)
                .body("type", equalTo("urn:lumbung:problem:unknown-field"));
        assertEquals(before, writes());

        as(Tokens.manager(led)).body(Map.of("through", TODAY.minusDays(1).toString()))
                .post("/api/v1/leds/" + led + "/periods/close").then().statusCode(201);
        long closed = writes();
        as(Tokens.manager(led)).body(grant("1000", TODAY.minusDays(1))).post(path).then().statusCode(409)
                .body("type", equalTo("urn:lumbung:problem:period-closed"));
        assertEquals(closed, writes());
    }

    @Test
    void replaysSameIdempotencyKeyWithOneGrantAndOneEntry() {
        UUID led = Api.createLed();
        String path = "/api/v1/leds/" + led + "/grants";
        Response first = as(Tokens.manager(led)).header("Idempotency-Key", "sk-412-2026")
                .body(grant("500000000", TODAY)).post(path);
        first.then().statusCode(201);
        Map<String, Object> sameAsNumber = grant("500000000.00", TODAY);
        Response retry = as(Tokens.manager(led)).header("Idempotency-Key", "sk-412-2026").body(sameAsNumber).post(path);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")))
                .body("entryId", equalTo(first.path("entryId")));
        as(Tokens.manager(led)).header("Idempotency-Key", "sk-412-2026").body(grant("400000000", TODAY)).post(path)
                .then().statusCode(422).body("type", equalTo("urn:lumbung:problem:idempotency-key-reused"));
        assertEquals(1, Db.number("SELECT count(*) FROM district_grant WHERE led_id = ?", led));
        assertEquals(1, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led));
    }

    @Test
    void listsGrantsInRecordingOrderWithACursor() {
        UUID led = Api.createLed();
        String path = "/api/v1/leds/" + led + "/grants";
        for (int i = 1; i <= 3; i++) {
            as(Tokens.manager(led)).body(grant(i + "000000", TODAY)).post(path).then().statusCode(201);
        }
        Response page = as(Tokens.clerk(led)).queryParam("limit", 2).get(path);
        page.then().statusCode(200).body("items", hasSize(2)).body("items[0].amount", equalTo("1000000.00"))
                .body("items[1].amount", equalTo("2000000.00")).body("next", notNullValue());
        as(Tokens.clerk(led)).queryParam("limit", 2).queryParam("after", (String) page.path("next")).get(path)
                .then().body("items", hasSize(1)).body("items[0].amount", equalTo("3000000.00"))
                .body("next", nullValue());
        as(Tokens.trainer(led)).get(path).then().statusCode(403);
        as(Tokens.auditor(led)).get(path + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void grantRecordsAreNeverEditedAndAReversalLeavesThemAsTheyWere() throws SQLException {
        UUID led = Api.createLed();
        Response grant = as(Tokens.manager(led)).body(grant("500000000", TODAY))
                .post("/api/v1/leds/" + led + "/grants");
        grant.then().statusCode(201);
        try (Connection connection = Db.connect(); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "UPDATE district_grant SET amount = 1 WHERE led_id = '" + led + "'"));
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "DELETE FROM district_grant WHERE led_id = '" + led + "'"));
        }
        String reversal = as(Tokens.manager(led)).body(Map.of("reason", "SK salah nomor, dicatat ulang"))
                .post("/api/v1/leds/" + led + "/journal-entries/" + grant.path("entryId") + "/reversal")
                .then().statusCode(201)
                .body("reference.type", equalTo("GRANT"))
                .body("reference.id", equalTo(grant.path("id")))
                .extract().path("id");
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/grants/" + grant.path("id")).then().statusCode(200)
                .body("amount", equalTo("500000000.00")).body("entryId", equalTo(grant.path("entryId")))
                .body("reversedBy", equalTo(reversal))
                .body("utilisation.received", equalTo("0.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/grants").then().statusCode(200)
                .body("items[0].reversedBy", equalTo(reversal));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + grant.path("entryId")).then()
                .body("reversedBy", equalTo(reversal));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1200").then()
                .body("balance", equalTo("0.00"));
    }
}
