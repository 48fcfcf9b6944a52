package id.lumbung.loan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import id.lumbung.money.Amount;

/**
 * What every schedule keeps, whatever the method, rate, frequency, term, grace, step, mode and principal:
 * the principals add up to the loan, nothing is negative, amounts are whole steps, dates move forward.
 */
class SchedulePropertiesTest {

    private static final int TRIES = 1000;

    /** A loan as generated: its terms, principal and disbursement day. */
    record Loan(LoanTerms terms, Amount principal, LocalDate disbursedOn) {

        List<ScheduledInstallment> schedule() {
            return ScheduleCalculator.schedule(terms, principal, disbursedOn);
        }
    }

    @Property(tries = TRIES)
    void principalsAddUpToTheLoanExactly(@ForAll("loans") Loan loan) {
        List<ScheduledInstallment> s = loan.schedule();
        assertEquals(loan.terms().installments(), s.size());
        assertEquals(loan.principal(), sum(s, ScheduledInstallment::principal));
    }

    @Property(tries = TRIES)
    void noAmountIsNegative(@ForAll("loans") Loan loan) {
        for (ScheduledInstallment i : loan.schedule()) {
            assertTrue(i.principal().value().signum() >= 0, () -> "principal " + i);
            assertTrue(i.interest().value().signum() >= 0, () -> "interest " + i);
        }
    }

    @Property(tries = TRIES)
    void everyAmountButTheLastPrincipalIsAWholeStep(@ForAll("loans") Loan loan) {
        List<ScheduledInstallment> s = loan.schedule();
        Rounding rounding = loan.terms().rounding();
        for (ScheduledInstallment i : s) {
            assertTrue(rounding.isMultiple(i.interest().value()), () -> "interest " + i);
            assertTrue(i.number() == s.size() || rounding.isMultiple(i.principal().value()), () -> "principal " + i);
        }
        if (rounding.isMultiple(loan.principal().value())) {
            assertTrue(rounding.isMultiple(s.getLast().principal().value()), () -> "last " + s.getLast());
        }
    }

    @Property(tries = TRIES)
    void graceInstallmentsRepayNoPrincipal(@ForAll("loans") Loan loan) {
        List<ScheduledInstallment> s = loan.schedule();
        for (ScheduledInstallment i : s.subList(0, loan.terms().graceInstallments())) {
            assertEquals(Amount.ZERO, i.principal(), () -> "grace " + i);
        }
    }

    @Property(tries = TRIES)
    void dueDatesMoveStrictlyForward(@ForAll("loans") Loan loan) {
        LocalDate previous = loan.disbursedOn();
        Frequency frequency = loan.terms().rate().frequency();
        for (ScheduledInstallment i : loan.schedule()) {
            assertTrue(i.dueOn().isAfter(previous), () -> "due " + i);
            assertEquals(DueDates.dueOn(frequency, loan.disbursedOn(), i.number()), i.dueOn());
            previous = i.dueOn();
        }
    }

    /**
     * FLAT interest adds up to round(P·i·n) to the step, n counting grace installments. Each installment
     * but the last carries round(P·i) in the LED's mode — or, where (n − 1) of those exceed that total and
     * would leave the last negative, P·i rounded down; the last carries the rest.
     */
    @Property(tries = TRIES)
    void flatInterestAddsUpToTheRoundedTotal(@ForAll("loans") Loan loan) {
        LoanTerms terms = withMethod(loan.terms(), InterestMethod.FLAT);
        List<ScheduledInstallment> s = ScheduleCalculator.schedule(terms, loan.principal(), loan.disbursedOn());
        Rounding rounding = terms.rounding();
        PeriodRate rate = terms.rate();
        BigDecimal p = loan.principal().value();
        BigDecimal denominator = new BigDecimal(rate.denominator());
        int n = terms.installments();
        BigDecimal total = rounding.roundQuotient(p.multiply(rate.numerator()).multiply(BigDecimal.valueOf(n)),
                denominator);
        assertEquals(total, sum(s, ScheduledInstallment::interest).value());
        BigDecimal each = rounding.roundQuotient(p.multiply(rate.numerator()), denominator);
        if (each.multiply(BigDecimal.valueOf(n - 1L)).compareTo(total) > 0) {
            each = rounding.roundDownQuotient(p.multiply(rate.numerator()), denominator);
        }
        for (ScheduledInstallment i : s.subList(0, n - 1)) {
            assertEquals(each, i.interest().value(), () -> "interest " + i);
        }
    }

    /** Declining-balance and equal-principal interest is round(outstanding × i) on every installment. */
    @Property(tries = TRIES)
    void interestFollowsTheOutstandingPrincipal(@ForAll("loans") Loan loan) {
        if (loan.terms().method() == InterestMethod.FLAT) {
            return;
        }
        BigDecimal outstanding = loan.principal().value();
        for (ScheduledInstallment i : loan.schedule()) {
            assertEquals(loan.terms().rate().interestOn(outstanding, loan.terms().rounding()), i.interest().value(),
                    () -> "interest " + i);
            outstanding = outstanding.subtract(i.principal().value());
        }
    }

    @Provide
    Arbitrary<Loan> loans() {
        Arbitrary<PeriodRate> rates = Combinators.combine(Arbitraries.of(RatePeriod.class),
                Arbitraries.of(Frequency.class)).flatAs(this::rates);
        Arbitrary<Rounding> roundings = Combinators.combine(
                Arbitraries.of("1", "100", "500", "1000").map(BigDecimal::new),
                Arbitraries.of(RoundingMode.HALF_UP, RoundingMode.UP, RoundingMode.DOWN)).as(Rounding::new);
        Arbitrary<Amount> principals = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("1000"), new BigDecimal("1000000000")).ofScale(0),
                Arbitraries.bigDecimals().between(new BigDecimal("1000"), new BigDecimal("1000000000")).ofScale(2))
                .map(Amount::of);
        Arbitrary<LocalDate> days = Arbitraries.integers().between(0, 3652).map(LocalDate.of(2024, 1, 1)::plusDays);
        Arbitrary<LoanTerms> terms = Combinators.combine(Arbitraries.of(InterestMethod.class), rates, roundings)
                .flatAs((method, rate, rounding) -> installments(rate.frequency())
                        .flatMap(n -> grace(n).map(g -> new LoanTerms(method, rate, n, g, rounding))));
        return Combinators.combine(terms, principals, days).as(Loan::new);
    }

    private Arbitrary<PeriodRate> rates(RatePeriod period, Frequency frequency) {
        BigDecimal max = period == RatePeriod.MONTH ? BigDecimal.TEN : new BigDecimal("60");
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO.setScale(2))),
                Tuple.of(9, Arbitraries.bigDecimals().between(BigDecimal.ZERO, max).ofScale(2)))
                .map(r -> new PeriodRate(r, period, frequency));
    }

    private static Arbitrary<Integer> installments(Frequency frequency) {
        Arbitrary<Integer> usual = Arbitraries.integers().between(1, 120);
        return frequency == Frequency.WEEKLY
                ? Arbitraries.frequencyOf(Tuple.of(19, usual), Tuple.of(1, Arbitraries.just(520)))
                : usual;
    }

    private static Arbitrary<Integer> grace(int n) {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(0, n - 1)));
    }

    private static LoanTerms withMethod(LoanTerms t, InterestMethod method) {
        return new LoanTerms(method, t.rate(), t.installments(), t.graceInstallments(), t.rounding());
    }

    private static Amount sum(List<ScheduledInstallment> s, Function<ScheduledInstallment, Amount> part) {
        return s.stream().map(part).reduce(Amount.ZERO, Amount::plus);
    }
}
