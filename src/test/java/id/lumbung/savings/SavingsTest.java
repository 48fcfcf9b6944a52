package id.lumbung.savings;

import static id.lumbung.savings.Savers.postDeposit;
import static id.lumbung.savings.Savers.postWithdrawal;
import static id.lumbung.savings.Savers.savings;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class SavingsTest {

    @Test
    void depositPostsCashAgainstMemberSavingsAndLinksEntryAndMovement() {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        Response response = as(Tokens.clerk(led))
                .body(Map.of("amount", "50000", "receivedOn", Savers.day(-2),
                        "description", "Setoran simpanan wajib Maret"))
                .post(savings(led, siti) + "/deposits");
        response.then().statusCode(201)
                .header("Location", endsWith(savings(led, siti) + "/movements/" + response.path("id")))
                .body("memberId", equalTo(siti.toString()))
                .body("type", equalTo("DEPOSIT"))
                .body("amount", equalTo("50000.00"))
                .body("balanceAfter", equalTo("50000.00"))
                .body("effectiveDate", equalTo(Savers.day(-2)))
                .body("description", equalTo("Setoran simpanan wajib Maret"))
                .body("recordedBy", equalTo("clerk.budi"))
                .body("entryId", notNullValue());
        String movement = response.path("id");
        String entry = response.path("entryId");

        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + entry).then().statusCode(200)
                .body("kind", equalTo("SAVINGS_DEPOSIT"))
                .body("effectiveDate", equalTo(Savers.day(-2)))
                .body("description", equalTo("Setoran simpanan wajib Maret"))
                .body("recordedBy", equalTo("clerk.budi"))
                .body("reference.type", equalTo("SAVINGS_MOVEMENT"))
                .body("reference.id", equalTo(movement))
                .body("postings", hasSize(2))
                .body("postings[0].account", equalTo("1-1100"))
                .body("postings[0].side", equalTo("DEBIT"))
                .body("postings[0].amount", equalTo("50000.00"))
                .body("postings[1].account", equalTo("2-1100"))
                .body("postings[1].side", equalTo("CREDIT"))
                .body("postings[1].amount", equalTo("50000.00"));
        as(Tokens.auditor(led)).get(response.header("Location")).then().statusCode(200)
                .body("id", equalTo(movement)).body("entryId", equalTo(entry));
        assertEquals(new BigDecimal("50000.00"), Savers.controlBalance(led));
        assertEquals(new BigDecimal("50000.00"), Savers.cashBalance(led));
    }

    @Test
    void savingsEntriesAreNotReversedThroughTheJournal() {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        String entry = as(Tokens.clerk(led)).body(Map.of("amount", "50000", "receivedOn", Savers.day(0)))
                .post(savings(led, siti) + "/deposits").then().statusCode(201).extract().path("entryId");
        as(Tokens.manager(led)).body(Map.of("reason", "salah input"))
                .post("/api/v1/leds/" + led + "/journal-entries/" + entry + "/reversal").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:entry-owned-by-operation"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + entry).then()
                .body("reversedBy", org.hamcrest.Matchers.nullValue());
        assertEquals(new BigDecimal("50000.00"), Savers.controlBalance(led));
        as(Tokens.auditor(led)).get(savings(led, siti)).then().body("balance", equalTo("50000.00"));
    }

    @Test
    void withdrawalPostsMemberSavingsAgainstCash() {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        Savers.deposited(led, siti, "200000");
        Response response = as(Tokens.manager(led))
                .body(Map.of("amount", 150000, "paidOn", Savers.today()))
                .post(savings(led, siti) + "/withdrawals");
        response.then().statusCode(201)
                .header("Location", endsWith(savings(led, siti) + "/movements/" + response.path("id")))
                .body("type", equalTo("WITHDRAWAL"))
                .body("amount", equalTo("150000.00"))
                .body("balanceAfter", equalTo("50000.00"))
                .body("description", equalTo("Penarikan simpanan Siti Rahmawati"))
                .body("recordedBy", equalTo("manager.siti"));
        as(Tokens.clerk(led)).get("/api/v1/leds/" + led + "/journal-entries/" + response.path("entryId"))
                .then().statusCode(200)
                .body("kind", equalTo("WITHDRAWAL"))
                .body("reference.type", equalTo("SAVINGS_MOVEMENT"))
                .body("reference.id", equalTo(response.path("id")))
                .body("postings.account", contains("2-1100", "1-1100"))
                .body("postings.side", contains("DEBIT", "CREDIT"))
                .body("postings.amount", contains("150000.00", "150000.00"));
        assertEquals(new BigDecimal("50000.00"), Savers.controlBalance(led));
        assertEquals(new BigDecimal("50000.00"), Savers.cashBalance(led));
    }

    @Test
    void showsBalanceAndPagesMovementsNewestFirst() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        UUID siti = Savers.member(led, "Siti Rahmawati");
        as(Tokens.auditor(led)).get(savings(led, siti)).then().statusCode(200)
                .body("memberId", equalTo(siti.toString()))
                .body("balance", equalTo("0.00"))
                .body("movements.items", hasSize(0))
                .body("movements.next", nullValue());
        List<String> ids = new ArrayList<>();
        for (String amount : List.of("10000", "20000", "30000", "40000")) {
            ids.add(Savers.deposited(led, siti, amount).toString());
        }
        ids.add(postWithdrawal(Tokens.clerk(led), led, siti, "25000").then().statusCode(201)
                .extract().path("id"));
        Response first = as(Tokens.districtOfficer(district)).queryParam("limit", 2).get(savings(led, siti));
        first.then().statusCode(200)
                .body("balance", equalTo("75000.00"))
                .body("movements.items.id", contains(ids.get(4), ids.get(3)))
                .body("movements.items.type", contains("WITHDRAWAL", "DEPOSIT"))
                .body("movements.items.balanceAfter", contains("75000.00", "100000.00"))
                .body("movements.next", notNullValue());
        Response second = as(Tokens.clerk(led)).queryParam("limit", 2)
                .queryParam("after", first.<String>path("movements.next")).get(savings(led, siti));
        second.then().statusCode(200)
                .body("movements.items.id", contains(ids.get(2), ids.get(1)))
                .body("movements.items.balanceAfter", contains("60000.00", "30000.00"));
        as(Tokens.manager(led)).queryParam("limit", 2)
                .queryParam("after", second.<String>path("movements.next")).get(savings(led, siti))
                .then().statusCode(200)
                .body("movements.items.id", contains(ids.get(0)))
                .body("movements.items.amount", contains("10000.00"))
                .body("movements.next", nullValue());
    }

    @Test
    void refusesWithdrawalAboveBalanceWritingNothing() {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        UUID ahmad = Savers.member(led, "Ahmad Fauzi");
        Savers.deposited(led, siti, "150000");
        Savers.deposited(led, ahmad, "500000");
        long rows = Savers.rows(led);
        assertProblem(rejected(() -> postWithdrawal(Tokens.clerk(led), led, siti, "150000.01")), 409,
                "insufficient-savings").body("detail", containsString("150000.00"));
        // Never saved at all: the same answer, and no savings row appears for her.
        UUID dewi = Savers.member(led, "Dewi Lestari");
        assertProblem(rejected(() -> postWithdrawal(Tokens.clerk(led), led, dewi, "1000")), 409,
                "insufficient-savings");
        assertEquals(rows, Savers.rows(led));
        as(Tokens.clerk(led)).get(savings(led, siti)).then().statusCode(200)
                .body("balance", equalTo("150000.00")).body("movements.items", hasSize(1));
        assertEquals(new BigDecimal("650000.00"), Savers.controlBalance(led));
        postWithdrawal(Tokens.clerk(led), led, siti, "150000.00").then().statusCode(201)
                .body("balanceAfter", equalTo("0.00"));
    }

    @Test
    void cashNoNegativeRuleStillHoldsAndRollsBackTheMovement() {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        Savers.deposited(led, siti, "100000");
        // The cash went out to an expense: the member's savings are owed, but the box is empty.
        Api.post(led, Savers.today(), "5-1100", "1-1100", "100000.00");
        long rows = Savers.rows(led);
        assertProblem(rejected(() -> postWithdrawal(Tokens.clerk(led), led, siti, "50000")), 409,
                "insufficient-funds");
        assertEquals(rows, Savers.rows(led));
        as(Tokens.clerk(led)).get(savings(led, siti)).then().statusCode(200).body("balance", equalTo("100000.00"));
        assertEquals(new BigDecimal("100000.00"), Savers.controlBalance(led));
    }

    @Test
    void refusesFutureDatesAndClosedPeriods() {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        Savers.deposited(led, siti, "100000");
        long rows = Savers.rows(led);
        assertProblem(rejected(() -> as(Tokens.clerk(led)).body(Map.of("amount", "1000", "receivedOn", Savers.day(2)))
                .post(savings(led, siti) + "/deposits")), 422, "effective-date-in-future");
        as(Tokens.manager(led)).body(Map.of("through", Savers.day(-1))).post("/api/v1/leds/" + led + "/periods/close")
                .then().statusCode(201);
        assertProblem(rejected(() -> as(Tokens.clerk(led)).body(Map.of("amount", "1000", "paidOn", Savers.day(-1)))
                .post(savings(led, siti) + "/withdrawals")), 409, "period-closed");
        assertProblem(rejected(() -> as(Tokens.clerk(led)).body(Map.of("amount", "1000", "receivedOn", Savers.day(-3)))
                .post(savings(led, siti) + "/deposits")), 409, "period-closed");
        assertEquals(rows, Savers.rows(led));
        as(Tokens.clerk(led)).get(savings(led, siti)).then().body("balance", equalTo("100000.00"));
    }

    @Test
    void replaysSameIdempotencyKeyAndRefusesItForAnotherRequest() {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        String key = UUID.randomUUID().toString();
        Response first = as(Tokens.clerk(led)).header("Idempotency-Key", key).body(Savers.deposit("75000"))
                .post(savings(led, siti) + "/deposits");
        first.then().statusCode(201);
        Response again = as(Tokens.clerk(led)).header("Idempotency-Key", key).body(Savers.deposit("75000.00"))
                .post(savings(led, siti) + "/deposits");
        again.then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")))
                .body("entryId", equalTo(first.path("entryId")));
        assertProblem(as(Tokens.clerk(led)).header("Idempotency-Key", key).body(Savers.deposit("80000"))
                .post(savings(led, siti) + "/deposits"), 422, "idempotency-key-reused");

        String withdrawalKey = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            as(Tokens.clerk(led)).header("Idempotency-Key", withdrawalKey).body(Savers.withdrawal("25000"))
                    .post(savings(led, siti) + "/withdrawals").then().statusCode(201);
        }
        // The same key on the other member's endpoint is another request, not a replay.
        UUID ahmad = Savers.member(led, "Ahmad Fauzi");
        assertProblem(as(Tokens.clerk(led)).header("Idempotency-Key", key).body(Savers.deposit("75000"))
                .post(savings(led, ahmad) + "/deposits"), 422, "idempotency-key-reused");
        as(Tokens.clerk(led)).get(savings(led, siti)).then()
                .body("balance", equalTo("50000.00"))
                .body("movements.items", hasSize(2));
        assertEquals(new BigDecimal("50000.00"), Savers.controlBalance(led));
    }

    @Test
    void onlyManagersAndClerksRecordAndOnlyBookReadersRead() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        UUID siti = Savers.member(led, "Siti Rahmawati");
        Savers.deposited(led, siti, "100000");
        postDeposit(Tokens.manager(led), led, siti, "1000").then().statusCode(201);
        long rows = Savers.rows(led);
        for (String token : List.of(Tokens.auditor(led), Tokens.trainer(led), Tokens.districtOfficer(district))) {
            assertProblem(rejected(() -> postDeposit(token, led, siti, "1000")), 403, "forbidden");
            assertProblem(rejected(() -> postWithdrawal(token, led, siti, "1000")), 403, "forbidden");
        }
        assertEquals(rows, Savers.rows(led));
        for (String token : List.of(Tokens.manager(led), Tokens.clerk(led), Tokens.auditor(led),
                Tokens.districtOfficer(district))) {
            as(token).get(savings(led, siti)).then().statusCode(200).body("balance", equalTo("101000.00"));
        }
        assertProblem(as(Tokens.trainer(led)).get(savings(led, siti)), 403, "forbidden");
        assertProblem(io.restassured.RestAssured.given().get(savings(led, siti)), 401, "unauthenticated");
    }

    @Test
    void anotherLedsMemberIsNotFound() {
        UUID led = Api.createLed();
        UUID other = Api.createLed();
        UUID theirs = Savers.member(other, "Rina Marlina");
        Savers.deposited(other, theirs, "100000");
        long rows = Savers.rows(other);
        // Through this LED's path, the other LED's member does not exist.
        assertProblem(rejected(() -> postDeposit(Tokens.clerk(led), led, theirs, "1000")), 404, "not-found");
        assertProblem(rejected(() -> postWithdrawal(Tokens.clerk(led), led, theirs, "1000")), 404, "not-found");
        assertProblem(as(Tokens.clerk(led)).get(savings(led, theirs)), 404, "not-found");
        // And this LED's staff cannot reach the other LED at all.
        assertProblem(rejected(() -> postWithdrawal(Tokens.clerk(led), other, theirs, "1000")), 404, "not-found");
        assertProblem(as(Tokens.auditor(led)).get(savings(other, theirs)), 404, "not-found");
        UUID movement = UUID.fromString(as(Tokens.clerk(other)).get(savings(other, theirs))
                .then().extract().path("movements.items[0].id"));
        assertProblem(as(Tokens.clerk(led)).get(savings(led, theirs) + "/movements/" + movement), 404, "not-found");
        assertProblem(as(Tokens.clerk(led)).get(savings(led, UUID.randomUUID())), 404, "not-found");
        assertEquals(rows, Savers.rows(other));
    }

    @Test
    void refusesBadInputsNamingTheField() {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        Savers.deposited(led, siti, "100000");
        long rows = Savers.rows(led);
        String deposits = savings(led, siti) + "/deposits";
        String withdrawals = savings(led, siti) + "/withdrawals";
        assertProblem(rejected(() -> postDeposit(Tokens.clerk(led), led, siti, "0")), 400, "validation-failed",
                "amount");
        assertProblem(rejected(() -> postDeposit(Tokens.clerk(led), led, siti, "-5000")), 400, "validation-failed",
                "amount");
        assertProblem(rejected(() -> postWithdrawal(Tokens.clerk(led), led, siti, "0.00")), 400,
                "validation-failed", "amount");
        assertProblem(rejected(() -> postDeposit(Tokens.clerk(led), led, siti, "1000.005")), 400,
                "validation-failed", "amount");
        assertProblem(rejected(() -> postDeposit(Tokens.clerk(led), led, siti, "sepuluh ribu")), 400,
                "validation-failed", "amount");
        assertProblem(rejected(() -> as(Tokens.clerk(led)).body(Map.of("receivedOn", Savers.today()))
                .post(deposits)), 400, "validation-failed", "amount");
        assertProblem(rejected(() -> as(Tokens.clerk(led)).body(Map.of("amount", "1000")).post(deposits)), 400,
                "validation-failed", "receivedOn");
        assertProblem(rejected(() -> as(Tokens.clerk(led)).body(Map.of("amount", "1000", "receivedOn", Savers.today()))
                .post(withdrawals)), 400, "unknown-field", "receivedOn");
        Map<String, Object> extra = new HashMap<>(Savers.deposit("1000"));
        extra.put("memberId", siti.toString());
        assertProblem(rejected(() -> as(Tokens.clerk(led)).body(extra).post(deposits)), 400, "unknown-field",
                "memberId");
        Map<String, Object> longText = new HashMap<>(Savers.withdrawal("1000"));
        longText.put("description", "x".repeat(501));
        assertProblem(rejected(() -> as(Tokens.clerk(led)).body(longText).post(withdrawals)), 400,
                "validation-failed", "description");
        assertProblem(rejected(() -> as(Tokens.clerk(led)).body("{\"amount\": 1000,").post(deposits)), 400,
                "malformed-json");
        assertProblem(as(Tokens.clerk(led)).queryParam("limit", 0).get(savings(led, siti)), 400,
                "invalid-parameter", "limit");
        assertProblem(as(Tokens.clerk(led)).queryParam("after", "bukan-kursor").get(savings(led, siti)), 400,
                "invalid-parameter", "after");
        assertEquals(rows, Savers.rows(led));
    }
}
