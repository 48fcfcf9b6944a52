package id.lumbung.loan;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.Problems;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Loan-loss provisions (PPAP) through the API: up, down, unchanged, the entry's protection, dates and roles. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LoanProvisionTest {

    private static Response provision(UUID led, LocalDate asOf) {
        return as(Tokens.manager(led)).body(Map.of("asOf", asOf.toString())).post(base(led) + "/provisions");
    }

    private static LocalDate firstDue(UUID led, UUID loan) {
        return LocalDate.parse(Lending.schedule(led, loan).then().statusCode(200).extract()
                .<String>path("installments[0].dueOn"));
    }

    private static long provisions(UUID led) {
        return Db.number("SELECT count(*) FROM loan_provision WHERE led_id = ?", led);
    }

    /** A 3,000,000 loan of 10 monthly installments of 345,000 (no penalty) disbursed 250 days ago. */
    private static UUID loan(UUID led) {
        return Lending.disbursed(led, Lending.member(led, "Siti Aminah"),
                Lending.product(led, "FLAT", "1.5", "MONTH", "MONTHLY", 10, Map.of()), "3000000", day(-250));
    }

    @Test
    void provisionsUpThenDownThenNothingWhenUnchanged() {
        UUID led = Lending.funded();
        UUID loan = loan(led);
        Lending.disbursed(led, Lending.member(led, "Rina Marlina"),
                Lending.product(led, "FLAT", "1.5", "MONTH", "MONTHLY", 10, Map.of()), "2000000", day(-20));
        LocalDate first = firstDue(led, loan);

        // Ten days past due: DALAM_PERHATIAN_KHUSUS, 5 % of 3,000,000; the second loan is not disbursed yet.
        Response up = provision(led, first.plusDays(10));
        up.then().statusCode(201)
                .header("Location", endsWith(base(led) + "/provisions/" + up.path("id")))
                .body("asOf", equalTo(first.plusDays(10).toString()))
                .body("required", equalTo("150000.00"))
                .body("bookedBefore", equalTo("0.00"))
                .body("entryId", notNullValue())
                .body("qualityChangeId", nullValue())
                .body("recordedBy", equalTo("manager.siti"))
                .body("byClass.class", contains("LANCAR", "DALAM_PERHATIAN_KHUSUS", "KURANG_LANCAR", "DIRAGUKAN",
                        "MACET"))
                .body("byClass.loans", contains(0, 1, 0, 0, 0))
                .body("byClass.outstanding", contains("0.00", "3000000.00", "0.00", "0.00", "0.00"))
                .body("byClass.provisionRate", contains("0.01", "0.05", "0.15", "0.5", "1"))
                .body("byClass.provisionRequired", contains("0.00", "150000.00", "0.00", "0.00", "0.00"));
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + up.path("entryId")).then().statusCode(200)
                .body("kind", equalTo("PROVISION"))
                .body("effectiveDate", equalTo(first.plusDays(10).toString()))
                .body("reference.type", equalTo("LOAN_PROVISION"))
                .body("reference.id", equalTo(up.path("id")))
                .body("postings.account", contains("5-1200", "1-1310"))
                .body("postings.side", contains("DEBIT", "CREDIT"))
                .body("postings.amount", contains("150000.00", "150000.00"));

        // The first installment paid on day 20: nothing past due, LANCAR, 1 % of 2,700,000.
        Lending.repay(led, loan, "345000", first.plusDays(20).toString()).then().statusCode(201);
        Response down = provision(led, first.plusDays(20));
        down.then().statusCode(201)
                .body("required", equalTo("27000.00"))
                .body("bookedBefore", equalTo("150000.00"))
                .body("byClass.loans", contains(1, 0, 0, 0, 0))
                .body("byClass.outstanding", contains("2700000.00", "0.00", "0.00", "0.00", "0.00"));
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + down.path("entryId")).then().statusCode(200)
                .body("kind", equalTo("PROVISION"))
                .body("postings.account", contains("1-1310", "5-1200"))
                .body("postings.side", contains("DEBIT", "CREDIT"))
                .body("postings.amount", contains("123000.00", "123000.00"));

        Response unchanged = provision(led, first.plusDays(20));
        unchanged.then().statusCode(201)
                .body("required", equalTo("27000.00"))
                .body("bookedBefore", equalTo("27000.00"))
                .body("entryId", nullValue());
        assertEquals(new BigDecimal("27000.00"), Lending.balance(led, "5-1200"));
        assertEquals(new BigDecimal("150000.00"), Lending.balanceAsOf(led, "5-1200", first.plusDays(19).toString()));
        assertEquals(new BigDecimal("27000.00"), Lending.balance(led, "1-1310").abs());

        as(Tokens.auditor(led)).get(base(led) + "/provisions").then().statusCode(200)
                .body("items.id", contains(up.<String>path("id"), down.<String>path("id"),
                        unchanged.<String>path("id")))
                .body("items.required", contains("150000.00", "27000.00", "27000.00"))
                .body("next", nullValue());
        as(Tokens.auditor(led)).queryParam("limit", 1).get(base(led) + "/provisions").then().statusCode(200)
                .body("items", hasSize(1)).body("next", notNullValue());
        as(Tokens.auditor(led)).get(base(led) + "/provisions/" + down.path("id")).then().statusCode(200)
                .body("entryId", equalTo(down.path("entryId")))
                .body("byClass.provisionRequired", contains("27000.00", "0.00", "0.00", "0.00", "0.00"));
    }

    @Test
    void classifiesByTheSettingInForceOnTheDay() {
        UUID led = Lending.funded();
        UUID loan = loan(led);
        LocalDate first = firstDue(led, loan);
        String change = as(Tokens.manager(led)).body(Map.of("preset", "LKM", "effectiveFrom",
                first.plusDays(11).toString())).put(base(led) + "/settings/loan-quality").then().statusCode(200)
                .extract().path("changeId");

        // BANK the day before the change: 10 days past due, 5 %. LKM from it: one missed installment, 0 %.
        provision(led, first.plusDays(10)).then().statusCode(201)
                .body("required", equalTo("150000.00"))
                .body("qualityChangeId", nullValue());
        Response lkm = provision(led, first.plusDays(11));
        lkm.then().statusCode(201)
                .body("required", equalTo("0.00"))
                .body("bookedBefore", equalTo("150000.00"))
                .body("qualityChangeId", equalTo(change))
                .body("byClass.class", contains("LANCAR", "DIRAGUKAN", "MACET"))
                .body("byClass.loans", contains(1, 0, 0))
                .body("byClass.provisionRate", contains("0", "0.5", "1"));
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + lkm.path("entryId")).then().statusCode(200)
                .body("postings.account", contains("1-1310", "5-1200"))
                .body("postings.amount", contains("150000.00", "150000.00"));
        assertEquals(0, Lending.balance(led, "1-1310").signum());
    }

    @Test
    void theEntryIsReversedOnlyByProvisioningAgain() {
        UUID led = Lending.funded();
        UUID loan = loan(led);
        Response up = provision(led, firstDue(led, loan).plusDays(10));
        up.then().statusCode(201);
        Response reversal = Problems.rejected(() -> as(Tokens.manager(led)).body(Map.of("reason", "salah hitung"))
                .post(base(led) + "/journal-entries/" + up.path("entryId") + "/reversal"));
        assertProblem(reversal, 409, "entry-owned-by-operation");
    }

    @Test
    void replaysTheSameIdempotencyKey() {
        UUID led = Lending.funded();
        UUID loan = loan(led);
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("asOf", firstDue(led, loan).plusDays(10).toString());
        Response first = as(Tokens.manager(led)).header("Idempotency-Key", key).body(body)
                .post(base(led) + "/provisions");
        first.then().statusCode(201);
        as(Tokens.manager(led)).header("Idempotency-Key", key).body(body).post(base(led) + "/provisions").then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")))
                .body("entryId", equalTo(first.path("entryId")));
        assertEquals(1, provisions(led));
    }

    @Test
    void refusesAFutureDayADayBeforeTheLatestAndAClosedPeriodWritingNothing() {
        UUID led = Lending.funded();
        UUID loan = loan(led);
        LocalDate first = firstDue(led, loan);
        assertProblem(Problems.rejected(() -> provision(led, LocalDate.parse(day(1)))), 422,
                "effective-date-in-future", "asOf");
        provision(led, first.plusDays(10)).then().statusCode(201);
        assertProblem(Problems.rejected(() -> provision(led, first.plusDays(9))), 409, "provision-out-of-order",
                "asOf");
        as(Tokens.manager(led)).body(Map.of("through", first.plusDays(30).toString()))
                .post(base(led) + "/periods/close").then().statusCode(201);
        assertProblem(Problems.rejected(() -> provision(led, first.plusDays(30))), 409, "period-closed");
        assertEquals(1, provisions(led));
        provision(led, first.plusDays(31)).then().statusCode(201).body("required", equalTo("150000.00"));
    }

    @Test
    void onlyTheManagerProvisionsAndAnotherLedsProvisionsAnswerNotFound() {
        UUID led = Lending.funded();
        UUID loan = loan(led);
        String asOf = firstDue(led, loan).plusDays(10).toString();
        assertProblem(Problems.rejected(() -> as(Tokens.clerk(led)).body(Map.of("asOf", asOf))
                .post(base(led) + "/provisions")), 403, "forbidden");
        assertProblem(Problems.rejected(() -> as(Tokens.auditor(led)).body(Map.of("asOf", asOf))
                .post(base(led) + "/provisions")), 403, "forbidden");
        Response booked = provision(led, LocalDate.parse(asOf));
        booked.then().statusCode(201);
        as(Tokens.clerk(led)).get(base(led) + "/provisions/" + booked.path("id")).then().statusCode(200);

        UUID other = Api.createLed();
        String foreign = Tokens.manager(other);
        assertProblem(as(foreign).get(base(other) + "/provisions/" + booked.path("id")), 404, "not-found");
        assertProblem(as(foreign).get(base(led) + "/provisions/" + booked.path("id")), 404, "not-found");
        assertProblem(as(foreign).get(base(led) + "/provisions"), 404, "not-found");
        assertProblem(Problems.rejected(() -> as(foreign).body(Map.of("asOf", asOf)).post(base(led)
                + "/provisions")), 404, "not-found");
        as(foreign).get(base(other) + "/provisions").then().statusCode(200).body("items", hasSize(0));
        assertEquals(1, provisions(led));
    }
}
