package id.lumbung.loan;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

/**
 * The portfolio report on a hand-computed portfolio: ten weekly loans, none repaid, disbursed so
 * that on the report's day they are 0, 1, 30, 31, 90, 91, 200 and 15 days past due.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PortfolioTest {

    private static Response portfolio(String token, UUID led, String asOf) {
        return as(token).queryParam("asOf", asOf).get(base(led) + "/portfolio");
    }

    /** A weekly loan's first installment falls due 7 days after disbursement. */
    private static UUID pastDue(UUID led, UUID member, UUID product, String principal, int daysPastDue) {
        return Lending.disbursed(led, member, product, principal, day(-daysPastDue - 7));
    }

    @Test
    void parAndClassesOfAHandComputedPortfolio() {
        UUID led = Lending.funded();
        UUID weekly = Lending.product(led, "FLAT", "1.5", "MONTH", "WEEKLY", 10, Map.of());
        UUID siti = Lending.member(led, "Siti Aminah");
        UUID dewi = Lending.member(led, "Dewi Lestari");
        UUID rina = Lending.member(led, "Rina Marlina");
        String group = as(Tokens.manager(led)).body(Map.of("name", "KUB Mawar", "leaderMemberId", siti))
                .post(base(led) + "/groups").then().statusCode(201).extract().path("id");
        as(Tokens.manager(led)).body(Map.of("groupId", group)).patch(base(led) + "/members/" + dewi).then()
                .statusCode(200);
        // Group loans: Siti 30 days past due, Dewi on time.
        for (Object[] share : new Object[][] {{siti, "3000000", 30}, {dewi, "1000000", 0}}) {
            String loan = as(Tokens.clerk(led)).body(Map.of("memberId", share[0], "productId", weekly, "principal",
                    share[1], "groupId", group, "purpose", "Modal usaha kerupuk sagu")).post(base(led) + "/loans")
                    .then().statusCode(201).extract().path("id");
            as(Tokens.manager(led)).body(Map.of()).post(base(led) + "/loans/" + loan + "/approval").then()
                    .statusCode(200);
            int dpd = (Integer) share[2];
            Lending.disburse(led, UUID.fromString(loan), dpd == 0 ? day(-3) : day(-dpd - 7)).then().statusCode(201);
        }
        pastDue(led, rina, weekly, "2000000", 1);
        pastDue(led, rina, weekly, "4000000", 31);
        pastDue(led, rina, weekly, "5000000", 90);
        pastDue(led, rina, weekly, "6000000", 91);
        pastDue(led, rina, weekly, "3500000", 200);
        pastDue(led, rina, weekly, "4500000", 15);
        Lending.disbursed(led, rina, weekly, "1500000", day(-7)); // its first installment is due today: not late
        Lending.disbursed(led, rina, weekly, "2500000", day(-1));
        // A loan written off is out of the portfolio.
        as(Tokens.manager(led)).body(Map.of("approvalThreshold", "100000000")).put(base(led) + "/settings/lending")
                .then().statusCode(200);
        UUID gone = pastDue(led, dewi, weekly, "9000000", 150);
        as(Tokens.manager(led)).body(Map.of("on", day(0), "reason", "Macet"))
                .post(base(led) + "/loans/" + gone + "/write-off").then().statusCode(201);

        // Outstanding 3+1+2+4+5+6+3.5+4.5+1.5+2.5 = 33,000,000. PAR1 (≥ 1 day): 2+3+4+5+6+3.5+4.5 = 28,000,000
        // → 0.8485; PAR30 (> 30): 4+5+6+3.5 = 18,500,000 → 0.5606 (the 30-day loan is not in it); PAR90 (> 90):
        // 6+3.5 = 9,500,000 → 0.2879 (the 90-day loan is not).
        portfolio(Tokens.manager(led), led, day(0)).then().statusCode(200)
                .body("asOf", equalTo(day(0)))
                .body("loans", equalTo(10))
                .body("borrowers", equalTo(3))
                .body("outstandingPrincipal", equalTo("33000000.00"))
                .body("par.par1", equalTo("0.8485"))
                .body("par.par30", equalTo("0.5606"))
                .body("par.par90", equalTo("0.2879"))
                // BANK preset: LANCAR 1+1.5+2.5; DPK (1–90) 2+3+4+5+4.5; KURANG_LANCAR (91–120) 6; MACET (> 180) 3.5.
                .body("byClass.class", contains("LANCAR", "DALAM_PERHATIAN_KHUSUS", "KURANG_LANCAR", "DIRAGUKAN",
                        "MACET"))
                .body("byClass.loans", contains(3, 5, 1, 0, 1))
                .body("byClass.outstanding", contains("5000000.00", "18500000.00", "6000000.00", "0.00",
                        "3500000.00"))
                .body("byClass.provisionRate", contains("0.01", "0.05", "0.15", "0.5", "1"))
                .body("byClass.provisionRequired", contains("50000.00", "925000.00", "900000.00", "0.00",
                        "3500000.00"))
                .body("provisionRequired", equalTo("5375000.00"))
                .body("provisionBooked", equalTo("0.00"))
                .body("repaymentRate", equalTo("0.0000"))
                .body("restructured.loans", equalTo(0))
                .body("byGroup", hasSize(1))
                .body("byGroup[0].name", equalTo("KUB Mawar"))
                .body("byGroup[0].loans", equalTo(2))
                .body("byGroup[0].outstanding", equalTo("4000000.00"))
                .body("byGroup[0].par30", equalTo("0.0000"))
                .body("byGroup[0].kolektibilitas", equalTo("DALAM_PERHATIAN_KHUSUS"))
                .body("byGroup[0].membersInArrears.name", contains("Siti Aminah"))
                .body("byGroup[0].membersInArrears.daysPastDue", contains(30))
                .body("byProduct", hasSize(1))
                .body("byProduct[0].outstanding", equalTo("33000000.00"));
        // A trainer sees the figures, not the names.
        portfolio(Tokens.trainer(led), led, day(0)).then().statusCode(200)
                .body("par.par30", equalTo("0.5606"))
                .body("byGroup[0].membersInArrears[0].name", nullValue());

        // A day earlier every overdue loan is a day less late: 30 → 29, 31 → 30 (out of PAR30), 91 → 90 (out
        // of PAR90); the written-off loan (149 days) is still in. PAR30 = (5+6+3.5+9) / 42 = 0.5595,
        // PAR90 = (3.5+9) / 42 = 0.2976.
        portfolio(Tokens.auditor(led), led, day(-1)).then().statusCode(200)
                .body("loans", equalTo(11))
                .body("outstandingPrincipal", equalTo("42000000.00"))
                .body("par.par30", equalTo("0.5595"))
                .body("par.par90", equalTo("0.2976"));
    }

    @Test
    void theRepaymentRateIsWhatWasCollectedOfWhatFellDue() {
        UUID led = Lending.funded();
        // 1,040,000 over 10 weekly at 1.5 %/month: 104,000 principal + 3,600 interest = 107,600 each.
        UUID weekly = Lending.product(led, "FLAT", "1.5", "MONTH", "WEEKLY", 10, Map.of());
        UUID first = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), weekly, "1040000", day(-14));
        UUID second = Lending.disbursed(led, Lending.member(led, "Dewi Lestari"), weekly, "1040000", day(-14));
        Lending.repay(led, first, "107600", day(-7)).then().statusCode(201);
        Lending.repay(led, first, "107600", day(0)).then().statusCode(201);
        Lending.repay(led, second, "107600", day(-7)).then().statusCode(201);
        portfolio(Tokens.manager(led), led, day(0)).then().statusCode(200)
                .body("repaymentRate", equalTo("0.7500"));
        as(Tokens.manager(led)).queryParam("asOf", day(0)).queryParam("from", day(0)).get(base(led) + "/portfolio")
                .then().statusCode(200).body("repaymentRate", equalTo("0.5000"));
        // Before anything fell due there is no rate, and an empty portfolio is not at risk.
        portfolio(Tokens.manager(led), led, day(-10)).then().statusCode(200)
                .body("repaymentRate", nullValue())
                .body("par.par1", equalTo("0.0000"));
        UUID empty = Api.createLed();
        portfolio(Tokens.manager(empty), empty, day(0)).then().statusCode(200)
                .body("loans", equalTo(0))
                .body("outstandingPrincipal", equalTo("0.00"))
                .body("par.par30", equalTo("0.0000"))
                .body("repaymentRate", nullValue());
        assertProblem(as(Tokens.manager(led)).queryParam("asOf", day(0)).queryParam("from", day(1))
                .get(base(led) + "/portfolio"), 400, "validation-failed", "from");
        assertProblem(portfolio(Tokens.manager(empty), led, day(0)), 404, "not-found");
    }

    /**
     * A rescheduled loan: each installment counts in the schedule version it fell due in, and a
     * repayment pays the installments of the version it was allocated against, never the same-numbered
     * installment of a later version.
     */
    @Test
    void aRescheduledLoanCountsEachInstallmentInItsOwnVersion() {
        UUID led = Lending.funded();
        LoanRescheduleTest.oneManagerSuffices(led);
        UUID weekly = Lending.product(led, "FLAT", "1.5", "MONTH", "WEEKLY", 10, Map.of());
        // Due -28, -21, … on version 1: the first is paid on time, the second is missed.
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), weekly, "1040000", day(-35));
        Lending.repay(led, loan, "107600", day(-28)).then().statusCode(201);
        LoanRescheduleTest.reschedule(Tokens.manager(led), led, loan, Map.of("on", day(-20), "installments", 8,
                "interestRate", "1", "reason", "Panen gagal karena kemarau")).then().statusCode(201);
        // Version 2's first installment falls due on day -13: before it, only version 1's two count.
        portfolio(Tokens.manager(led), led, day(-14)).then().statusCode(200)
                .body("repaymentRate", equalTo("0.5000"));
        String owed = as(Tokens.manager(led)).queryParam("version", 2).get(base(led) + "/loans/" + loan + "/schedule")
                .then().statusCode(200).extract().path("installments[0].total");
        BigDecimal due = new BigDecimal("215200").add(new BigDecimal(owed));
        String expected = new BigDecimal("107600").divide(due, 4, RoundingMode.HALF_UP).toPlainString();
        portfolio(Tokens.manager(led), led, day(-13)).then().statusCode(200)
                .body("repaymentRate", equalTo(expected));
    }
}
