package id.lumbung.loan.schedule;

import static id.lumbung.loan.SeededCases.between;
import static id.lumbung.loan.SeededCases.decimal;
import static id.lumbung.loan.SeededCases.forAll;
import static id.lumbung.loan.SeededCases.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.SeededCases.Case;
import id.lumbung.money.Amount;

/**
 * What every schedule keeps, whatever the method, rate, frequency, term, grace, step, mode and principal:
 * the principals add up to the loan, nothing is negative, amounts are whole steps, dates move forward.
 */
class SchedulePropertiesTest {

    // Seeded-random JUnit 5 properties rather than a property-testing library: the author of the one these
    // replace asks AI agents not to use it, and we respect that wish (the commit removing it names it). Each
    // property checks TRIES cases drawn from a Random seeded with its base seed plus the case index
    // (SeededCases), so runs are reproducible; a failure names the case seed and inputs to replay it.

    private static final int TRIES = 1000;

    /** Property k draws its cases from seeds {@code SEED + k · 1,000,000} onwards. */
    private static final long SEED = 2_026_000_000L;

    /** A loan as generated: its terms, principal and disbursement day. */
    record Loan(LoanTerms terms, Amount principal, LocalDate disbursedOn) {

        List<ScheduledInstallment> schedule() {
            return ScheduleCalculator.schedule(terms, principal, disbursedOn);
        }
    }

    @Test
    void principalsAddUpToTheLoanExactly() {
        forAllLoans(1, (loan, c) -> {
            List<ScheduledInstallment> s = loan.schedule();
            assertEquals(loan.terms().installments(), s.size(), c.says("installments"));
            assertEquals(loan.principal(), sum(s, ScheduledInstallment::principal), c.says("sum of principals"));
        });
    }

    @Test
    void noAmountIsNegative() {
        forAllLoans(2, (loan, c) -> {
            for (ScheduledInstallment i : loan.schedule()) {
                assertTrue(i.principal().value().signum() >= 0, c.says(() -> "principal " + i));
                assertTrue(i.interest().value().signum() >= 0, c.says(() -> "interest " + i));
            }
        });
    }

    @Test
    void everyAmountButTheLastPrincipalIsAWholeStep() {
        forAllLoans(3, (loan, c) -> {
            List<ScheduledInstallment> s = loan.schedule();
            Rounding rounding = loan.terms().rounding();
            for (ScheduledInstallment i : s) {
                assertTrue(rounding.isMultiple(i.interest().value()), c.says(() -> "interest " + i));
                assertTrue(i.number() == s.size() || rounding.isMultiple(i.principal().value()),
                        c.says(() -> "principal " + i));
            }
            if (rounding.isMultiple(loan.principal().value())) {
                assertTrue(rounding.isMultiple(s.getLast().principal().value()), c.says(() -> "last " + s.getLast()));
            }
        });
    }

    @Test
    void graceInstallmentsRepayNoPrincipal() {
        forAllLoans(4, (loan, c) -> {
            List<ScheduledInstallment> s = loan.schedule();
            for (ScheduledInstallment i : s.subList(0, loan.terms().graceInstallments())) {
                assertEquals(Amount.ZERO, i.principal(), c.says(() -> "grace " + i));
            }
        });
    }

    @Test
    void dueDatesMoveStrictlyForward() {
        forAllLoans(5, (loan, c) -> {
            LocalDate previous = loan.disbursedOn();
            Frequency frequency = loan.terms().rate().frequency();
            for (ScheduledInstallment i : loan.schedule()) {
                LocalDate before = previous;
                assertTrue(i.dueOn().isAfter(before), c.says(() -> "due " + i + " not after " + before));
                assertEquals(DueDates.dueOn(frequency, loan.disbursedOn(), i.number()), i.dueOn(),
                        c.says(() -> "due date of " + i));
                previous = i.dueOn();
            }
        });
    }

    /**
     * FLAT interest adds up to round(P·i·n) to the step, n counting grace installments. Each installment
     * but the last carries round(P·i) in the LED's mode — or, where (n − 1) of those exceed that total and
     * would leave the last negative, P·i rounded down; the last carries the rest.
     */
    @Test
    void flatInterestAddsUpToTheRoundedTotal() {
        forAllLoans(6, (loan, c) -> {
            LoanTerms terms = withMethod(loan.terms(), InterestMethod.FLAT);
            List<ScheduledInstallment> s = ScheduleCalculator.schedule(terms, loan.principal(), loan.disbursedOn());
            Rounding rounding = terms.rounding();
            PeriodRate rate = terms.rate();
            BigDecimal p = loan.principal().value();
            BigDecimal denominator = new BigDecimal(rate.denominator());
            int n = terms.installments();
            BigDecimal total = rounding.roundQuotient(
                    p.multiply(rate.numerator()).multiply(BigDecimal.valueOf(n)), denominator);
            assertEquals(total, sum(s, ScheduledInstallment::interest).value(),
                    c.says("FLAT interest total, method set to FLAT"));
            BigDecimal each = rounding.roundQuotient(p.multiply(rate.numerator()), denominator);
            if (each.multiply(BigDecimal.valueOf(n - 1L)).compareTo(total) > 0) {
                each = rounding.roundDownQuotient(p.multiply(rate.numerator()), denominator);
            }
            for (ScheduledInstallment i : s.subList(0, n - 1)) {
                assertEquals(each, i.interest().value(), c.says(() -> "FLAT interest, method set to FLAT: " + i));
            }
        });
    }

    /** Declining-balance and equal-principal interest is round(outstanding × i) on every installment. */
    @Test
    void interestFollowsTheOutstandingPrincipal() {
        forAllLoans(7, (loan, c) -> {
            if (loan.terms().method() == InterestMethod.FLAT) {
                return;
            }
            BigDecimal outstanding = loan.principal().value();
            for (ScheduledInstallment i : loan.schedule()) {
                BigDecimal on = outstanding;
                assertEquals(loan.terms().rate().interestOn(on, loan.terms().rounding()), i.interest().value(),
                        c.says(() -> "interest on " + on + ": " + i));
                outstanding = outstanding.subtract(i.principal().value());
            }
        });
    }

    private static void forAllLoans(int property, BiConsumer<Loan, Case<Loan>> check) {
        forAll(SEED + property * 1_000_000L, TRIES, SchedulePropertiesTest::loan, check);
    }

    /**
     * A loan as the earlier generators drew them: any method, rate period and frequency; a rate of 0 % one
     * time in 10, else 0.00–10.00 % a month or 0.00–60.00 % a year; 1–120 installments, or 520 one weekly
     * loan in 20; no grace two times in 3, else 0 to n − 1; step 1, 100, 500 or 1,000 in HALF_UP, UP or
     * DOWN; a principal of 1,000–1,000,000,000 in whole rupiah or with sen, as likely; disbursed
     * 1 January 2024 + 0–3,652 days.
     */
    private static Loan loan(Random r) {
        InterestMethod method = oneOf(r, InterestMethod.class);
        RatePeriod period = oneOf(r, RatePeriod.class);
        Frequency frequency = oneOf(r, Frequency.class);
        BigDecimal percent = r.nextInt(10) == 0
                ? BigDecimal.ZERO.setScale(2)
                : decimal(r, "0", period == RatePeriod.MONTH ? "10" : "60", 2);
        PeriodRate rate = new PeriodRate(percent, period, frequency);
        Rounding rounding = new Rounding(new BigDecimal(oneOf(r, "1", "100", "500", "1000")),
                oneOf(r, RoundingMode.HALF_UP, RoundingMode.UP, RoundingMode.DOWN));
        int n = frequency == Frequency.WEEKLY && r.nextInt(20) == 0 ? 520 : between(r, 1, 120);
        int grace = r.nextInt(3) < 2 ? 0 : between(r, 0, n - 1);
        LoanTerms terms = new LoanTerms(method, rate, n, grace, rounding);
        Amount principal = Amount.of(decimal(r, "1000", "1000000000", r.nextBoolean() ? 0 : 2));
        LocalDate disbursedOn = LocalDate.of(2024, 1, 1).plusDays(between(r, 0, 3652));
        return new Loan(terms, principal, disbursedOn);
    }

    private static LoanTerms withMethod(LoanTerms t, InterestMethod method) {
        return new LoanTerms(method, t.rate(), t.installments(), t.graceInstallments(), t.rounding());
    }

    private static Amount sum(List<ScheduledInstallment> s, Function<ScheduledInstallment, Amount> part) {
        return s.stream().map(part).reduce(Amount.ZERO, Amount::plus);
    }
}
