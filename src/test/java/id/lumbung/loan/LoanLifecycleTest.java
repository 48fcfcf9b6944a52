package id.lumbung.loan;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.loan.Lending.money;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A loan's life through the API: application, maker–checker, disbursement, repayments, penalty, closing, reversal. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LoanLifecycleTest {

    @Test
    void flatLoanIsDisbursedWithItsFeeAndTheIssuesSchedule() {
        UUID led = Lending.funded();
        UUID siti = Lending.member(led, "Siti Aminah");
        UUID product = Lending.flatProduct(led);
        UUID loan = Lending.approved(led, siti, product, "3000000");
        String disbursedOn = day(-100);

        Response response = Lending.disburse(led, loan, disbursedOn);
        response.then().statusCode(201)
                .header("Location", endsWith(base(led) + "/loans/" + loan))
                .body("principal", equalTo("3000000.00"))
                .body("adminFee", equalTo("30000.00"))
                .body("paidFrom", equalTo("1-1200"))
                .body("feeAccount", equalTo("1-1100"))
                .body("loan.status", equalTo("DISBURSED"))
                .body("loan.disbursedOn", equalTo(disbursedOn))
                .body("loan.outstandingPrincipal", equalTo("3000000.00"));
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + response.path("entryId")).then()
                .statusCode(200)
                .body("kind", equalTo("LOAN_DISBURSEMENT"))
                .body("reference.type", equalTo("LOAN_DISBURSEMENT"))
                .body("postings.account", contains("1-1300", "1-1200", "1-1100", "4-1200"))
                .body("postings.side", contains("DEBIT", "CREDIT", "DEBIT", "CREDIT"))
                .body("postings.amount", contains("3000000.00", "3000000.00", "30000.00", "30000.00"));

        Lending.schedule(led, loan).then().statusCode(200)
                .body("installments", hasSize(10))
                .body("installments.principal", everyItem(equalTo("300000.00")))
                .body("installments.interest", everyItem(equalTo("45000.00")))
                .body("installments.total", everyItem(equalTo("345000.00")))
                .body("installments.status", everyItem(equalTo("PENDING")))
                .body("installments[0].dueOn", equalTo(LocalDate.parse(disbursedOn).plusMonths(1).toString()))
                .body("installments[9].dueOn", equalTo(LocalDate.parse(disbursedOn).plusMonths(10).toString()))
                .body("totals.principal", equalTo("3000000.00"))
                .body("totals.interest", equalTo("450000.00"))
                .body("totals.total", equalTo("3450000.00"));
        assertEquals(new BigDecimal("3000000.00"), Lending.balance(led, "1-1300"));
        assertEquals(new BigDecimal("30000.00"), Lending.balance(led, "4-1200"));
    }

    @Test
    void lateRepaymentsPayTheIssuesPenaltyFirstThenInterestThenPrincipal() {
        UUID led = Lending.funded();
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                day(-100));
        LocalDate due = LocalDate.parse(day(-100)).plusMonths(1);

        Response first = Lending.repay(led, loan, "100000", due.plusDays(10).toString());
        first.then().statusCode(201)
                .header("Location", endsWith(base(led) + "/loans/" + loan + "/repayments/" + first.path("id")))
                .body("sequence", equalTo(1))
                .body("allocation.penalty", equalTo("3450.00"))
                .body("allocation.interest", equalTo("45000.00"))
                .body("allocation.principal", equalTo("51550.00"))
                .body("loan.outstandingPrincipal", equalTo("2948450.00"));
        as(Tokens.auditor(led)).get(first.header("Location")).then().statusCode(200)
                .body("id", equalTo(first.path("id")))
                .body("allocation.penalty", equalTo("3450.00"))
                .body("reversedBy", nullValue());
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + first.path("entryId")).then()
                .body("kind", equalTo("REPAYMENT"))
                .body("reference.type", equalTo("LOAN_REPAYMENT"))
                .body("reference.id", equalTo(first.path("id")))
                .body("postings.account", contains("1-1100", "4-1300", "4-1100", "1-1300"))
                .body("postings.amount", contains("100000.00", "3450.00", "45000.00", "51550.00"));

        // The rest of the installment ten days later: penalty on 248,450 for 10 days = 2,484.5 → 2,485.
        Lending.repay(led, loan, "250935", due.plusDays(20).toString()).then().statusCode(201)
                .body("allocation.penalty", equalTo("2485.00"))
                .body("allocation.interest", equalTo("0.00"))
                .body("allocation.principal", equalTo("248450.00"));
        Lending.schedule(led, loan).then()
                .body("installments[0].status", equalTo("PAID"))
                .body("installments[0].paidPrincipal", equalTo("300000.00"))
                .body("installments[0].paidInterest", equalTo("45000.00"))
                .body("installments[0].paidPenalty", equalTo("5935.00"))
                .body("installments[1].status", equalTo("PENDING"));
        assertEquals(new BigDecimal("2700000.00"), Lending.balance(led, "1-1300"));
        assertEquals(new BigDecimal("5935.00"), Lending.balance(led, "4-1300"));
        assertEquals(new BigDecimal("45000.00"), Lending.balance(led, "4-1100"));
    }

    @Test
    void theLoanAsOfAnyDayShowsArrearsAndMatchesTheReceivableAccount() {
        UUID led = Lending.funded();
        String disbursedOn = day(-100);
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                disbursedOn);
        LocalDate first = LocalDate.parse(disbursedOn).plusMonths(1);
        Lending.repay(led, loan, "345000", first.toString()).then().statusCode(201);
        // Installment 2 falls due and is not paid: as of 10 days later it is in arrears with penalty.
        LocalDate second = first.plusMonths(1);
        Lending.loan(led, loan).then().statusCode(200);
        as(Tokens.auditor(led)).queryParam("asOf", second.plusDays(10).toString())
                .get(base(led) + "/loans/" + loan).then().statusCode(200)
                .body("asOf", equalTo(second.plusDays(10).toString()))
                .body("outstandingPrincipal", equalTo("2700000.00"))
                .body("daysPastDue", equalTo(10))
                .body("installmentsInArrears", equalTo(1))
                .body("interestDue", equalTo("45000.00"))
                .body("penaltyDue", equalTo("3450.00"))
                .body("arrearsAmount", equalTo("348450.00"))
                .body("nextDueOn", equalTo(second.plusMonths(1).toString()))
                .body("nextDueAmount", equalTo("345000.00"));
        // Before the first repayment the loan owed everything; before the disbursement, nothing.
        as(Tokens.auditor(led)).queryParam("asOf", first.minusDays(1).toString())
                .get(base(led) + "/loans/" + loan).then()
                .body("outstandingPrincipal", equalTo("3000000.00"))
                .body("daysPastDue", equalTo(0));
        as(Tokens.auditor(led)).queryParam("asOf", LocalDate.parse(disbursedOn).minusDays(1).toString())
                .get(base(led) + "/loans/" + loan).then()
                .body("outstandingPrincipal", equalTo("0.00"));
        for (LocalDate d = LocalDate.parse(disbursedOn).minusDays(1); !d.isAfter(Lending.today()); d = d.plusDays(7)) {
            assertEquals(Lending.balanceAsOf(led, "1-1300", d.toString()), Lending.outstandingAsOf(led, d.toString()),
                    "1-1300 against the loans as of " + d);
        }
    }

    @Test
    void payingEverythingClosesTheLoanAndAReversalReopensIt() {
        UUID led = Lending.funded();
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                day(-40));
        // Installment 1 fell due some days ago (345,000 plus 345 of penalty a day); the rest is prepaid principal.
        long late = Lending.today().toEpochDay() - LocalDate.parse(day(-40)).plusMonths(1).toEpochDay();
        String payoff = money(345000 + 345 * late + 2700000);
        assertProblem(Lending.repay(led, loan, money(345000 + 345 * late + 2700001), day(0)), 409,
                "repayment-exceeds-outstanding");
        Response closing = Lending.repay(led, loan, payoff, day(0));
        closing.then().statusCode(201)
                .body("allocation.penalty", equalTo(money(345 * late)))
                .body("allocation.interest", equalTo("45000.00"))
                .body("allocation.principal", equalTo("3000000.00"))
                .body("loan.status", equalTo("CLOSED"))
                .body("loan.closedOn", equalTo(day(0)))
                .body("loan.outstandingPrincipal", equalTo("0.00"));
        // Prepaid FLAT installments owe no interest once their principal is gone.
        Lending.schedule(led, loan).then()
                .body("installments.status", everyItem(equalTo("PAID")))
                .body("totals.interest", equalTo("45000.00"));
        assertProblem(Lending.repay(led, loan, "1000", day(0)), 409, "loan-status");

        Response reversal = Lending.reverseRepayment(led, loan, closing.path("id"),
                Map.of("reason", "Transfer dari anggota ditolak bank"));
        reversal.then().statusCode(201)
                .body("target", equalTo("REPAYMENT"))
                .body("targetId", equalTo(closing.path("id")))
                .body("loan.status", equalTo("DISBURSED"))
                .body("loan.closedOn", nullValue())
                .body("loan.outstandingPrincipal", equalTo("3000000.00"));
        Lending.schedule(led, loan).then()
                .body("installments.status", everyItem(equalTo("PENDING")))
                .body("totals.interest", equalTo("450000.00"));
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + reversal.path("entryId")).then()
                .body("kind", equalTo("REVERSAL"))
                .body("reverses", equalTo(closing.path("entryId")));
        assertProblem(Lending.reverseRepayment(led, loan, closing.path("id"), Map.of("reason", "lagi")), 409,
                "repayment-already-reversed");
        as(Tokens.auditor(led)).get(base(led) + "/loans/" + loan + "/repayments").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].reversedBy", equalTo(reversal.path("entryId")))
                .body("items[0].loan", nullValue());
        assertEquals(new BigDecimal("3000000.00"), Lending.balance(led, "1-1300"));
        assertEquals(new BigDecimal("0.00"), Lending.balance(led, "4-1100"));
        assertEquals(new BigDecimal("0.00"), Lending.balance(led, "4-1300"));
    }

    @Test
    void onlyTheLatestStandingRepaymentCanBeReversedAndItRestoresTheSchedule() {
        UUID led = Lending.funded();
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                day(-100));
        LocalDate due = LocalDate.parse(day(-100)).plusMonths(1);
        String first = Lending.repay(led, loan, "100000", due.plusDays(10).toString()).then().statusCode(201)
                .extract().path("id");
        String scheduleAfterFirst = Lending.schedule(led, loan).asString();
        String second = Lending.repay(led, loan, "250935", due.plusDays(20).toString()).then().statusCode(201)
                .extract().path("id");

        assertProblem(Lending.reverseRepayment(led, loan, first, Map.of("reason", "salah")), 409,
                "repayment-not-latest");
        assertProblem(Lending.reverseRepayment(led, loan, second, Map.of("reason", "salah",
                "effectiveDate", due.plusDays(19).toString())), 400, "validation-failed", "effectiveDate");
        Lending.reverseRepayment(led, loan, second, Map.of("reason", "Transfer ditolak")).then().statusCode(201);
        assertEquals(scheduleAfterFirst, Lending.schedule(led, loan).asString());
        Lending.loan(led, loan).then().body("outstandingPrincipal", equalTo("2948450.00"));
        Lending.reverseRepayment(led, loan, first, Map.of("reason", "Transfer ditolak")).then().statusCode(201);
        Lending.schedule(led, loan).then().body("installments.status", everyItem(equalTo("PENDING")));
        assertEquals(new BigDecimal("3000000.00"), Lending.balance(led, "1-1300"));
    }

    @Test
    void backDatedRepaymentIsAllocatedAfterTheLatestOne() {
        UUID led = Lending.funded();
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                day(-100));
        LocalDate due = LocalDate.parse(day(-100)).plusMonths(1);
        Lending.repay(led, loan, "345000", due.plusDays(2).toString()).then().statusCode(201)
                .body("allocation.penalty", equalTo("690.00"))
                .body("allocation.principal", equalTo("299310.00"));
        // Synced later but paid earlier: it pays what is still open, with no penalty back in time.
        Lending.repay(led, loan, "1000", due.toString()).then().statusCode(201)
                .body("sequence", equalTo(2))
                .body("allocation.penalty", equalTo("0.00"))
                .body("allocation.interest", equalTo("0.00"))
                .body("allocation.principal", equalTo("1000.00"));
        Lending.schedule(led, loan).then()
                .body("installments[0].status", equalTo("PAID"))
                .body("installments[9].paidPrincipal", equalTo("310.00"));
    }

    @Test
    void approvalAboveTheThresholdNeedsASecondPerson() {
        UUID led = Lending.funded();
        UUID siti = Lending.member(led, "Siti Aminah");
        UUID product = Lending.flatProduct(led);
        String own = Lending.apply(Tokens.manager(led), led, siti, product, "3000000").then().statusCode(201)
                .body("status", equalTo("APPLIED"))
                .body("appliedBy", equalTo("manager.siti"))
                .extract().path("id");
        // Threshold 0 (the default): every loan needs someone other than its applicant.
        assertProblem(as(Tokens.manager(led)).body(Map.of()).post(base(led) + "/loans/" + own + "/approval"), 403,
                "approver-is-maker");
        as(Tokens.manager(led)).body(Map.of("approvalThreshold", "5000000"))
                .put(base(led) + "/settings/lending").then().statusCode(200)
                .body("approvalThreshold", equalTo("5000000.00"));
        as(Tokens.manager(led)).body(Map.of("note", "Usaha berjalan 2 tahun"))
                .post(base(led) + "/loans/" + own + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("manager.siti"))
                .body("decisionNote", equalTo("Usaha berjalan 2 tahun"));
        String big = Lending.apply(Tokens.manager(led), led, siti, product, "6000000").then().statusCode(201)
                .extract().path("id");
        assertProblem(as(Tokens.manager(led)).body(Map.of()).post(base(led) + "/loans/" + big + "/approval"), 403,
                "approver-is-maker");
        String other = Tokens.of("led-manager", "manager.ahmad", List.of(), List.of(led));
        as(other).body(Map.of()).post(base(led) + "/loans/" + big + "/approval").then().statusCode(200)
                .body("decidedBy", equalTo("manager.ahmad"));
        assertProblem(as(other).body(Map.of()).post(base(led) + "/loans/" + big + "/approval"), 409, "loan-status");
        assertProblem(as(Tokens.clerk(led)).body(Map.of()).post(base(led) + "/loans/" + big + "/approval"), 403,
                "forbidden");
    }

    @Test
    void rejectedLoansAndRetiredProductsTakeNoFurtherSteps() {
        UUID led = Lending.funded();
        UUID siti = Lending.member(led, "Siti Aminah");
        UUID product = Lending.flatProduct(led);
        String loan = Lending.apply(Tokens.clerk(led), led, siti, product, "3000000").then().extract().path("id");
        as(Tokens.manager(led)).body(Map.of("reason", "Masih ada tunggakan"))
                .post(base(led) + "/loans/" + loan + "/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decisionNote", equalTo("Masih ada tunggakan"));
        assertProblem(Lending.disburse(led, UUID.fromString(loan), day(0)), 409, "loan-status");
        assertProblem(as(Tokens.auditor(led)).get(base(led) + "/loans/" + loan + "/schedule"), 409, "loan-status");

        as(Tokens.manager(led)).body(Map.of("active", false)).patch(base(led) + "/loan-products/" + product).then()
                .statusCode(200).body("active", equalTo(false));
        assertProblem(Lending.apply(Tokens.clerk(led), led, siti, product, "3000000"), 422, "product-retired",
                "productId");
        assertProblem(as(Tokens.manager(led)).body(Map.of("active", true))
                .patch(base(led) + "/loan-products/" + product), 400, "validation-failed", "active");
    }

    @Test
    void aDisbursementIsReversedOnlyWhileNoRepaymentStands() {
        UUID led = Lending.funded();
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                day(-40));
        String repayment = Lending.repay(led, loan, "1000", day(-1)).then().statusCode(201).extract().path("id");
        assertProblem(as(Tokens.manager(led)).body(Map.of("reason", "salah anggota"))
                .post(base(led) + "/loans/" + loan + "/disbursement/reversal"), 409, "disbursement-has-repayments");
        Lending.reverseRepayment(led, loan, repayment, Map.of("reason", "salah")).then().statusCode(201);
        as(Tokens.manager(led)).body(Map.of("reason", "salah anggota"))
                .post(base(led) + "/loans/" + loan + "/disbursement/reversal").then().statusCode(201)
                .body("target", equalTo("DISBURSEMENT"))
                .body("loan.status", equalTo("APPROVED"))
                .body("loan.disbursedOn", nullValue())
                .body("loan.outstandingPrincipal", equalTo("0.00"));
        assertEquals(new BigDecimal("0.00"), Lending.balance(led, "1-1300"));
        assertEquals(new BigDecimal("0.00"), Lending.balance(led, "4-1200"));
        // As of yesterday the money was still out (the 1,000 went to penalty), in the books and the loan alike.
        assertEquals(Lending.balanceAsOf(led, "1-1300", day(-1)), Lending.outstandingAsOf(led, day(-1)));
        assertEquals(new BigDecimal("3000000.00"), Lending.outstandingAsOf(led, day(-1)));
        // Disbursed again, on another day: a new schedule from the new date.
        Lending.disburse(led, loan, day(-5)).then().statusCode(201).body("loan.status", equalTo("DISBURSED"));
        Lending.schedule(led, loan).then().body("installments[0].dueOn",
                equalTo(Lending.today().minusDays(5).plusMonths(1).toString()));
    }

    @Test
    void loanEntriesAreNotReversedThroughTheJournal() {
        UUID led = Lending.funded();
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                day(-40));
        String entry = Lending.repay(led, loan, "1000", day(0)).then().statusCode(201).extract().path("entryId");
        String disbursement = as(Tokens.auditor(led)).queryParam("kind", "LOAN_DISBURSEMENT")
                .get(base(led) + "/journal-entries").then().extract().path("items[0].id");
        for (String id : List.of(entry, disbursement)) {
            assertProblem(as(Tokens.manager(led)).body(Map.of("reason", "coba"))
                    .post(base(led) + "/journal-entries/" + id + "/reversal"), 409, "entry-owned-by-operation");
        }
    }

    @Test
    void membersAndGroupsShowTheirLoans() {
        UUID led = Lending.funded();
        UUID siti = Lending.member(led, "Siti Aminah");
        String group = as(Tokens.manager(led)).body(Map.of("name", "KUB Mawar", "leaderMemberId", siti))
                .post(base(led) + "/groups").then().statusCode(201).extract().path("id");
        UUID product = Lending.flatProduct(led);
        String loan = as(Tokens.clerk(led)).body(Map.of("memberId", siti, "productId", product, "principal",
                "3000000", "groupId", group, "purpose", "Modal usaha kerupuk sagu"))
                .post(base(led) + "/loans").then().statusCode(201).body("groupId", equalTo(group)).extract().path("id");
        as(Tokens.manager(led)).body(Map.of()).post(base(led) + "/loans/" + loan + "/approval").then().statusCode(200);
        Lending.disburse(led, UUID.fromString(loan), day(-45)).then().statusCode(201);

        as(Tokens.clerk(led)).get(base(led) + "/members/" + siti).then().statusCode(200)
                .body("name", equalTo("Siti Aminah"))
                .body("loans", hasSize(1))
                .body("loans[0].id", equalTo(loan))
                .body("loans[0].outstandingPrincipal", equalTo("3000000.00"))
                .body("loans[0].daysPastDue", equalTo((int) (Lending.today().toEpochDay()
                        - Lending.today().minusDays(45).plusMonths(1).toEpochDay())))
                .body("loans[0].arrearsAmount", notNullValue());
        as(Tokens.clerk(led)).get(base(led) + "/groups/" + group).then().statusCode(200)
                .body("loans", hasSize(1))
                .body("loans[0].memberId", equalTo(siti.toString()));
        as(Tokens.auditor(led)).queryParam("groupId", group).get(base(led) + "/loans").then().statusCode(200)
                .body("items.id", contains(loan));
        as(Tokens.auditor(led)).queryParam("status", "CLOSED").get(base(led) + "/loans").then().statusCode(200)
                .body("items", hasSize(0));
        List<String> none = new ArrayList<>();
        assertEquals(none, as(Tokens.auditor(led)).queryParam("memberId", UUID.randomUUID())
                .get(base(led) + "/loans").then().extract().path("items"));
    }
}
