package id.lumbung.loan;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.loan.Lending.money;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.reschedule.RestructuredLoans;
import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Rescheduling (restrukturisasi): the new version, repayments after it, the loan as of any day, maker–checker. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LoanRescheduleTest {

    @Inject
    RestructuredLoans restructured;

    static Response reschedule(String token, UUID led, UUID loan, Map<String, Object> body) {
        return as(token).body(body).post(base(led) + "/loans/" + loan + "/reschedule");
    }

    static Map<String, Object> twelveAtOne(String on) {
        return new HashMap<>(Map.of("on", on, "installments", 12, "interestRate", "1",
                "reason", "Usaha kerupuk sagu terhenti karena banjir"));
    }

    /** No approval needed below 50,000,000 outstanding. */
    static void oneManagerSuffices(UUID led) {
        as(Tokens.manager(led)).body(Map.of("approvalThreshold", "50000000")).put(base(led) + "/settings/lending")
                .then().statusCode(200);
    }

    static long rescheduleRows(UUID led) {
        return Lending.rows(led) + Db.number("SELECT (SELECT count(*) FROM loan_schedule_version WHERE led_id = ?)"
                + " + (SELECT count(*) FROM loan_schedule_installment WHERE led_id = ?)"
                + " + (SELECT count(*) FROM loan_pending_request WHERE led_id = ?)"
                + " + (SELECT count(*) FROM loan_installment WHERE led_id = ?)", led, led, led, led);
    }

    private static Response refused(UUID led, Supplier<Response> request) {
        long before = rescheduleRows(led);
        Response response = request.get();
        assertEquals(before, rescheduleRows(led), () -> "a refused request wrote rows: " + response.asString());
        return response;
    }

    @Test
    void aRescheduleStartsANewVersionThatRepaymentsThenPay() {
        UUID led = Lending.funded();
        oneManagerSuffices(led);
        LocalDate disbursed = Lending.today().minusDays(150);
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                disbursed.toString());
        LocalDate due1 = disbursed.plusMonths(1);
        LocalDate due2 = disbursed.plusMonths(2);
        LocalDate due3 = disbursed.plusMonths(3);
        String first = Lending.repay(led, loan, "345000", due1.toString()).then().statusCode(201).extract().path("id");
        LocalDate on = due3.plusDays(5);
        long late2 = ChronoUnit.DAYS.between(due2, on);
        // 0.1 % a day on 345,000 = 345 a day: installment 2 late2 days, installment 3 five days.
        long penalty = 345 * late2 + 345 * 5;

        Response applied = reschedule(Tokens.manager(led), led, loan, twelveAtOne(on.toString()));
        applied.then().statusCode(201)
                .header("Location", endsWith(base(led) + "/loans/" + loan + "/schedule?version=2"))
                .body("status", equalTo("APPLIED"))
                .body("requestId", nullValue())
                .body("version", equalTo(2))
                .body("on", equalTo(on.toString()))
                .body("outstandingPrincipal", equalTo("2700000.00"))
                .body("carriedInterest", equalTo("90000.00"))
                .body("carriedPenalty", equalTo(money(penalty)))
                .body("daysPastDue", equalTo((int) late2))
                .body("missedInstallments", equalTo(2))
                .body("loan.scheduleVersion", equalTo(2))
                .body("loan.restructured", equalTo(true))
                .body("loan.rescheduledOn", equalTo(on.toString()))
                .body("loan.installments", equalTo(12))
                .body("loan.interestRate", equalTo("1"))
                .body("loan.outstandingPrincipal", equalTo("2700000.00"));
        as(Tokens.auditor(led)).get(applied.header("Location")).then().statusCode(200)
                .body("installments", hasSize(12))
                .body("installments[0].dueOn", equalTo(on.plusMonths(1).toString()))
                .body("installments[0].principal", equalTo("225000.00"))
                .body("installments[0].interest", equalTo("117000.00"))
                .body("installments[1].interest", equalTo("27000.00"))
                .body("installments[11].dueOn", equalTo(on.plusMonths(12).toString()))
                .body("totals.principal", equalTo("2700000.00"));
        Lending.schedule(led, loan).then().body("installments", hasSize(12));
        as(Tokens.auditor(led)).queryParam("version", 1).get(base(led) + "/loans/" + loan + "/schedule").then()
                .statusCode(200)
                .body("installments", hasSize(10))
                .body("installments[0].status", equalTo("PAID"))
                .body("installments[1].status", equalTo("PENDING"))
                .body("installments[2].dueOn", equalTo(due3.toString()));
        for (int unknown : new int[] {0, 3, -1}) {
            assertProblem(as(Tokens.auditor(led)).queryParam("version", unknown)
                    .get(base(led) + "/loans/" + loan + "/schedule"), 404, "not-found");
        }
        // No money moved: no entry, and 1-1300 is as it was.
        assertEquals(2, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?"
                + " AND reference_type IN ('LOAN_DISBURSEMENT', 'LOAN_REPAYMENT')", led));

        // What was paid before the reschedule stands: it cannot be reversed, nor can a payment be dated before.
        assertProblem(refused(led, () -> Lending.reverseRepayment(led, loan, first,
                Map.of("reason", "Transfer ditolak"))), 409, "loan-rescheduled");
        assertProblem(refused(led, () -> Lending.repay(led, loan, "10000", on.minusDays(1).toString())), 422,
                "paid-before-reschedule", "paidOn");

        // The loan as of the day before is the old version's; from `on` the new one's.
        as(Tokens.auditor(led)).queryParam("asOf", on.minusDays(1).toString()).get(base(led) + "/loans/" + loan)
                .then().statusCode(200)
                .body("outstandingPrincipal", equalTo("2700000.00"))
                .body("daysPastDue", equalTo((int) late2 - 1))
                .body("installmentsInArrears", equalTo(2))
                .body("interestDue", equalTo("90000.00"))
                .body("nextDueOn", equalTo(disbursed.plusMonths(4).toString()));
        as(Tokens.auditor(led)).queryParam("asOf", on.toString()).get(base(led) + "/loans/" + loan).then()
                .body("daysPastDue", equalTo(0))
                .body("installmentsInArrears", equalTo(0))
                .body("penaltyDue", equalTo("0.00"))
                .body("nextDueOn", equalTo(on.plusMonths(1).toString()))
                .body("nextDueAmount", equalTo("342000.00"));

        // The new first installment, paid on its due date: the carried penalty, then interest, then principal.
        LocalDate newDue = on.plusMonths(1);
        Response paid = Lending.repay(led, loan, money(342000 + penalty), newDue.toString());
        paid.then().statusCode(201)
                .body("allocation.penalty", equalTo(money(penalty)))
                .body("allocation.interest", equalTo("117000.00"))
                .body("allocation.principal", equalTo("225000.00"))
                .body("loan.outstandingPrincipal", equalTo("2475000.00"));
        Lending.schedule(led, loan).then()
                .body("installments[0].status", equalTo("PAID"))
                .body("installments[0].paidPenalty", equalTo(money(penalty)));
        as(Tokens.auditor(led)).queryParam("asOf", newDue.minusDays(1).toString())
                .get(base(led) + "/loans/" + loan).then()
                .body("outstandingPrincipal", equalTo("2700000.00"))
                .body("penaltyDue", equalTo("0.00"))
                .body("nextDueAmount", equalTo("342000.00"));
        as(Tokens.auditor(led)).queryParam("asOf", newDue.plusDays(3).toString())
                .get(base(led) + "/loans/" + loan).then()
                .body("outstandingPrincipal", equalTo("2475000.00"))
                .body("daysPastDue", equalTo(0));
        assertTrue(restructured.asOf(led, List.of(loan), on.minusDays(1)).isEmpty());
        RestructuredLoans.Restructured standing = restructured.asOf(led, newDue).get(loan);
        assertEquals(new RestructuredLoans.Restructured(loan, 2, on, (int) late2, 2, 1), standing);
        assertTrue(standing.keepsClass());

        // A repayment after the reschedule is reversed as any other; then the old one still stands.
        Lending.reverseRepayment(led, loan, paid.path("id"), Map.of("reason", "Transfer ditolak bank")).then()
                .statusCode(201).body("loan.outstandingPrincipal", equalTo("2700000.00"));
        assertEquals(0, restructured.asOf(led, List.of(loan), Lending.today()).get(loan).installmentsPaidOnTime());
        Lending.schedule(led, loan).then()
                .body("installments[0].status", equalTo("PENDING"))
                .body("installments[0].interest", equalTo("117000.00"));
        for (LocalDate d = disbursed.minusDays(1); !d.isAfter(Lending.today()); d = d.plusDays(3)) {
            assertEquals(Lending.balanceAsOf(led, "1-1300", d.toString()), Lending.outstandingAsOf(led, d.toString()),
                    "1-1300 against the loans as of " + d);
        }
        assertEquals(Lending.balance(led, "1-1300"), Lending.outstandingAsOf(led, Lending.today().toString()));
    }

    @Test
    void threeInstallmentsPaidOnTimeEndTheClassRule() {
        UUID led = Lending.funded();
        oneManagerSuffices(led);
        UUID product = Lending.product(led, "FLAT", "1", "MONTH", "MONTHLY", 10, Map.of());
        LocalDate disbursed = Lending.today().minusDays(200);
        UUID loan = Lending.disbursed(led, Lending.member(led, "Dewi Lestari"), product, "1000000",
                disbursed.toString());
        LocalDate on = disbursed.plusDays(45);
        int late = (int) ChronoUnit.DAYS.between(disbursed.plusMonths(1), on);
        // Installment 1 unpaid (100,000 + 10,000); rescheduled over 5 months at 1 %: 200,000 + 10,000 each.
        reschedule(Tokens.manager(led), led, loan, new HashMap<>(Map.of("on", on.toString(), "installments", 5,
                "reason", "Gagal panen"))).then().statusCode(201)
                .body("carriedInterest", equalTo("10000.00"))
                .body("missedInstallments", equalTo(1))
                .body("daysPastDue", equalTo(late));
        // Month 1 on time, month 2 a day late, months 3 and 4 on time.
        Lending.repay(led, loan, "220000", on.plusMonths(1).toString()).then().statusCode(201);
        Lending.repay(led, loan, "210000", on.plusMonths(2).plusDays(1).toString()).then().statusCode(201);
        Lending.repay(led, loan, "210000", on.plusMonths(3).toString()).then().statusCode(201);
        assertEquals(2, restructured.asOf(led, on.plusMonths(4).minusDays(1)).get(loan).installmentsPaidOnTime());
        assertTrue(restructured.asOf(led, on.plusMonths(4).minusDays(1)).get(loan).keepsClass());
        Lending.repay(led, loan, "210000", on.plusMonths(4).toString()).then().statusCode(201);
        RestructuredLoans.Restructured cured = restructured.asOf(led, List.of(loan), on.plusMonths(4)).get(loan);
        assertEquals(3, cured.installmentsPaidOnTime());
        assertEquals(late, cured.daysPastDueAtReschedule());
        assertEquals(1, cured.missedInstallmentsAtReschedule());
        assertFalse(cured.keepsClass());
    }

    @Test
    void aboveTheThresholdASecondManagerApproves() {
        UUID led = Lending.funded();
        LocalDate disbursed = Lending.today().minusDays(70);
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                disbursed.toString());
        String on = disbursed.plusMonths(2).plusDays(3).toString();
        String ahmad = Tokens.of("led-manager", "manager.ahmad", List.of(), List.of(led));

        // Threshold 0 (the default): every reschedule waits for a second manager.
        Response held = reschedule(Tokens.manager(led), led, loan, twelveAtOne(on));
        held.then().statusCode(202)
                .header("Location", endsWith(base(led) + "/loans/" + loan + "/reschedule"))
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("version", nullValue())
                .body("requestedBy", equalTo("manager.siti"))
                .body("outstandingPrincipal", equalTo("3000000.00"))
                .body("loan.scheduleVersion", equalTo(1));
        as(Tokens.auditor(led)).get(held.header("Location")).then().statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("requestId", equalTo(held.path("requestId")));
        assertProblem(refused(led, () -> reschedule(ahmad, led, loan, twelveAtOne(on))), 409,
                "loan-request-pending");
        assertProblem(refused(led, () -> as(Tokens.manager(led)).body(Map.of())
                .post(base(led) + "/loans/" + loan + "/reschedule/approval")), 403, "approver-is-maker");
        assertProblem(refused(led, () -> as(Tokens.clerk(led)).body(Map.of())
                .post(base(led) + "/loans/" + loan + "/reschedule/approval")), 403, "forbidden");
        Lending.loan(led, loan).then().body("scheduleVersion", equalTo(1)).body("restructured", equalTo(false));

        as(ahmad).body(Map.of("note", "Disetujui rapat pengurus"))
                .post(base(led) + "/loans/" + loan + "/reschedule/approval").then().statusCode(201)
                .header("Location", endsWith("/schedule?version=2"))
                .body("status", equalTo("APPLIED"))
                .body("requestId", equalTo(held.path("requestId")))
                .body("requestedBy", equalTo("manager.siti"))
                .body("decidedBy", equalTo("manager.ahmad"))
                .body("decisionNote", equalTo("Disetujui rapat pengurus"))
                .body("version", equalTo(2))
                .body("loan.restructured", equalTo(true));
        assertProblem(as(Tokens.auditor(led)).get(held.header("Location")), 404, "not-found");
        assertEquals(1, Db.number("SELECT count(*) FROM loan_schedule_version WHERE led_id = ? AND loan_id = ?"
                + " AND requested_by = 'manager.siti' AND approved_by = 'manager.ahmad'", led, loan));

        // A second request, rejected: the schedule stays at version 2.
        Map<String, Object> again = twelveAtOne(on);
        again.put("installments", 24);
        reschedule(Tokens.manager(led), led, loan, again).then().statusCode(202);
        as(ahmad).body(Map.of("reason", "Rencana usaha belum lengkap"))
                .post(base(led) + "/loans/" + loan + "/reschedule/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("installments", equalTo(24))
                .body("decidedBy", equalTo("manager.ahmad"))
                .body("decisionNote", equalTo("Rencana usaha belum lengkap"));
        assertProblem(refused(led, () -> as(ahmad).body(Map.of())
                .post(base(led) + "/loans/" + loan + "/reschedule/approval")), 404, "not-found");
        Lending.loan(led, loan).then().body("scheduleVersion", equalTo(2)).body("installments", equalTo(12));
    }

    @Test
    void badReschedulesAreRefusedAndWriteNothing() {
        UUID led = Lending.funded();
        oneManagerSuffices(led);
        UUID siti = Lending.member(led, "Siti Aminah");
        UUID product = Lending.flatProduct(led);
        LocalDate disbursed = Lending.today().minusDays(70);
        UUID loan = Lending.disbursed(led, siti, product, "3000000", disbursed.toString());
        LocalDate paidOn = disbursed.plusMonths(1).plusDays(2);
        Lending.repay(led, loan, "345000", paidOn.toString()).then().statusCode(201);
        UUID applied = Lending.approved(led, siti, product, "1000000");
        UUID closed = Lending.disbursed(led, siti, product, "1000000", day(-1));
        Lending.repay(led, closed, "1000000", day(0)).then().statusCode(201).body("loan.status", equalTo("CLOSED"));

        assertProblem(refused(led, () -> reschedule(Tokens.manager(led), led, closed, twelveAtOne(day(0)))), 409,
                "loan-status");
        assertProblem(refused(led, () -> reschedule(Tokens.manager(led), led, applied, twelveAtOne(day(0)))), 409,
                "loan-status");
        assertProblem(refused(led, () -> reschedule(Tokens.manager(led), led, loan, twelveAtOne(day(1)))), 422,
                "effective-date-in-future", "on");
        assertProblem(refused(led, () -> reschedule(Tokens.manager(led), led, loan,
                twelveAtOne(paidOn.minusDays(1).toString()))), 422, "reschedule-before-latest-event", "on");
        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("installments", 0),
                Map.of("installments", -3), Map.of("graceInstallments", 12), Map.of("interestRate", "-1"),
                Map.of("interestRate", "101"), Map.of("reason", " "))) {
            Map<String, Object> body = twelveAtOne(day(0));
            body.putAll(change);
            assertProblem(refused(led, () -> reschedule(Tokens.manager(led), led, loan, body)), 400,
                    "validation-failed");
        }
        as(Tokens.manager(led)).body(Map.of("through", paidOn.plusDays(3).toString()))
                .post(base(led) + "/periods/close").then().statusCode(201);
        assertProblem(refused(led, () -> reschedule(Tokens.manager(led), led, loan,
                twelveAtOne(paidOn.plusDays(3).toString()))), 409, "period-closed");
        assertProblem(refused(led, () -> reschedule(Tokens.clerk(led), led, loan, twelveAtOne(day(0)))), 403,
                "forbidden");
        UUID other = Lending.funded();
        assertProblem(refused(led, () -> reschedule(Tokens.manager(other), other, loan, twelveAtOne(day(0)))), 404,
                "not-found");
        assertProblem(as(Tokens.manager(other)).get(base(other) + "/loans/" + loan + "/schedule"), 404,
                "not-found");

        // A rescheduled loan's disbursement stands.
        UUID unpaid = Lending.disbursed(led, siti, product, "1000000", day(-3));
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            as(Tokens.manager(led)).header("Idempotency-Key", key).body(twelveAtOne(day(-2)))
                    .post(base(led) + "/loans/" + unpaid + "/reschedule").then().statusCode(201)
                    .header("Idempotent-Replayed", attempt == 0 ? nullValue() : equalTo("true"))
                    .body("version", equalTo(2));
        }
        assertEquals(1, Db.number("SELECT count(*) FROM loan_schedule_version WHERE led_id = ? AND loan_id = ?",
                led, unpaid), "a replayed reschedule is not applied twice");
        assertProblem(refused(led, () -> as(Tokens.manager(led)).body(Map.of("reason", "Salah anggota"))
                .post(base(led) + "/loans/" + unpaid + "/disbursement/reversal")), 409, "loan-rescheduled");
    }

    /**
     * The class rule: a loan rescheduled while 70 days past due (DALAM_PERHATIAN_KHUSUS under BANK) keeps that
     * class although its new schedule is current, until three installments of it are paid on their due days.
     */
    @Test
    void aRestructuredLoanKeepsItsClassUntilThreeInstallmentsArePaidOnTime() {
        UUID led = Lending.funded();
        oneManagerSuffices(led);
        UUID product = Lending.product(led, "FLAT", "1.5", "MONTH", "MONTHLY", 10, Map.of());
        LocalDate disbursed = Lending.today().minusDays(200);
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), product, "3000000",
                disbursed.toString());
        LocalDate on = Lending.today().minusDays(100);
        as(Tokens.auditor(led)).queryParam("asOf", on.toString()).get(base(led) + "/loans/" + loan).then()
                .body("kolektibilitas", equalTo("DALAM_PERHATIAN_KHUSUS"));
        reschedule(Tokens.manager(led), led, loan, Map.of("on", on.toString(), "installments", 6,
                "reason", "Usaha kerupuk sagu terhenti karena banjir")).then().statusCode(201);
        List<Map<String, Object>> installments = Lending.schedule(led, loan).then().extract().path("installments");
        for (int k = 0; k < 3; k++) {
            Lending.repay(led, loan, (String) installments.get(k).get("total"), (String) installments.get(k)
                    .get("dueOn")).then().statusCode(201);
        }
        LocalDate second = LocalDate.parse((String) installments.get(1).get("dueOn"));
        LocalDate third = LocalDate.parse((String) installments.get(2).get("dueOn"));
        // Current on its new schedule, yet it keeps the class it was rescheduled in: one, then two paid on time.
        for (LocalDate day : List.of(on, second.minusDays(1), third.minusDays(1))) {
            as(Tokens.auditor(led)).queryParam("asOf", day.toString()).get(base(led) + "/loans/" + loan).then()
                    .body("daysPastDue", equalTo(0))
                    .body("kolektibilitas", equalTo("DALAM_PERHATIAN_KHUSUS"));
        }
        // The third on time cures it: classed as any other loan from then on.
        as(Tokens.auditor(led)).queryParam("asOf", third.toString()).get(base(led) + "/loans/" + loan).then()
                .body("kolektibilitas", equalTo("LANCAR"));
        Lending.loan(led, loan).then().body("kolektibilitas", equalTo("LANCAR")).body("restructured", equalTo(true));
        as(Tokens.manager(led)).queryParam("asOf", second.toString()).get(base(led) + "/portfolio").then()
                .statusCode(200)
                .body("restructured.loans", equalTo(1))
                .body("byClass[1].loans", equalTo(1));
    }
}
