package id.lumbung.loan.repayment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

import id.lumbung.loan.schedule.Frequency;
import id.lumbung.loan.schedule.InterestMethod;
import id.lumbung.loan.schedule.LoanTerms;
import id.lumbung.loan.schedule.PeriodRate;
import id.lumbung.loan.schedule.RatePeriod;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.loan.schedule.ScheduleCalculator;
import id.lumbung.money.Amount;

/**
 * What holds whatever payments a member makes, one after the other — on time, late, partial, prepaying,
 * back-dated, too large: nothing is lost or paid twice, and paying what is payable at the end settles all.
 */
class AllocatorPropertiesTest {

    private static final BigDecimal SEN = new BigDecimal("0.01");

    /** A disbursed loan: its repayment terms, fresh installments and disbursement day. */
    record Loan(RepaymentTerms terms, List<InstallmentState> installments, Amount principal, LocalDate disbursedOn) {
    }

    /** How a payment's amount is chosen from what is payable that day. */
    enum Kind {
        PART, PAYABLE, TOO_MUCH, FIXED
    }

    /** One payment: days after the latest payment (negative is back-dated), kind and size. */
    record Payment(int days, Kind kind, BigDecimal size) {
    }

    @Property(tries = 500)
    void paymentsOneAfterAnotherKeepTheBooksWhole(@ForAll("loans") Loan loan,
            @ForAll("payments") List<Payment> payments, @ForAll("settleDays") int settleDays) {
        RepaymentTerms terms = loan.terms();
        List<InstallmentState> states = loan.installments();
        LocalDate latest = loan.disbursedOn();
        for (Payment payment : payments) {
            LocalDate on = max(loan.disbursedOn(), latest.plusDays(payment.days()));
            latest = max(latest, on);
            Amount payable = Allocator.payable(states, terms, on);
            Amount amount = amount(payment, payable);
            if (amount.compareTo(payable) > 0) {
                assertRefused(states, terms, amount, on, payable);
                continue;
            }
            if (!amount.isPositive()) {
                continue;
            }
            Allocation a = Allocator.allocate(states, terms, amount, on);
            assertWhole(loan, states, a, amount);
            assertEquals(payable.minus(amount), Allocator.payable(a.after(), terms, on),
                    "what is payable that day drops by exactly the payment");
            states = a.after();
        }
        LocalDate end = loan.installments().getLast().dueOn().plusDays(settleDays);
        Amount payable = Allocator.payable(states, terms, end);
        if (payable.isPositive()) {
            Allocation a = Allocator.allocate(states, terms, payable, end);
            assertWhole(loan, states, a, payable);
            states = a.after();
        }
        assertTrue(states.stream().allMatch(InstallmentState::settled), () -> "not settled: " + loan);
        LoanPosition position = Allocator.position(states, terms, end);
        assertEquals(Amount.ZERO, position.outstandingPrincipal());
        assertEquals(Amount.ZERO, position.arrearsAmount());
        assertEquals(null, position.nextDueOn());
        assertEquals(Amount.ZERO, Allocator.payable(states, terms, end.plusDays(30)));
    }

    private static void assertRefused(List<InstallmentState> states, RepaymentTerms terms, Amount amount,
            LocalDate on, Amount payable) {
        List<InstallmentState> before = List.copyOf(states);
        RepaymentExceedsOutstanding refused = assertThrows(RepaymentExceedsOutstanding.class,
                () -> Allocator.allocate(states, terms, amount, on));
        assertEquals(payable, refused.payable());
        assertEquals(before, states, "a refused payment changes nothing");
    }

    /** Everything one allocation must keep, comparing the installments before and after. */
    private static void assertWhole(Loan loan, List<InstallmentState> before, Allocation a, Amount amount) {
        List<AllocationLine> lines = a.lines();
        assertEquals(a.penalty(), sum(lines, AllocationLine::penalty));
        assertEquals(a.interest(), sum(lines, AllocationLine::interest));
        assertEquals(a.principal(), sum(lines, AllocationLine::principal));
        assertEquals(amount, a.total());
        List<InstallmentState> after = a.after();
        assertEquals(before.size(), after.size());
        assertEquals(loan.principal(), sumStates(after, InstallmentState::paidPrincipal)
                .plus(sumStates(after, InstallmentState::unpaidPrincipal)));
        for (int k = 0; k < after.size(); k++) {
            InstallmentState was = before.get(k);
            InstallmentState is = after.get(k);
            assertEquals(was.number(), is.number());
            assertEquals(was.dueOn(), is.dueOn());
            assertEquals(was.principal(), is.principal(), "principal owed never changes");
            assertTrue(is.interest().compareTo(was.interest()) <= 0, () -> "interest grew: " + was + " → " + is);
            assertTrue(is.penaltyCharged().compareTo(was.penaltyCharged()) >= 0);
            for (Amount field : List.of(is.paidPrincipal(), is.paidInterest(), is.paidPenalty(),
                    is.unpaidPrincipal(), is.unpaidInterest(), is.unpaidPenaltyCharged())) {
                assertTrue(field.value().signum() >= 0, () -> "negative: " + is);
            }
            assertTrue(is.paidPrincipal().compareTo(was.paidPrincipal()) >= 0);
            assertTrue(is.paidInterest().compareTo(was.paidInterest()) >= 0);
            assertTrue(is.paidPenalty().compareTo(was.paidPenalty()) >= 0);
            assertTrue(was.penaltyThrough() == null || !is.penaltyThrough().isBefore(was.penaltyThrough()),
                    () -> "penalty day moved back: " + was + " → " + is);
        }
        for (AllocationLine line : lines) {
            InstallmentState was = before.get(line.number() - 1);
            InstallmentState is = after.get(line.number() - 1);
            assertEquals(is.paidPrincipal().minus(was.paidPrincipal()), line.principal());
            assertEquals(is.paidInterest().minus(was.paidInterest()), line.interest());
            assertEquals(is.paidPenalty().minus(was.paidPenalty()), line.penalty());
            assertEquals(is.penaltyCharged().minus(was.penaltyCharged()), line.penaltyAccrued());
        }
    }

    private static Amount amount(Payment payment, Amount payable) {
        BigDecimal value = switch (payment.kind()) {
            case PART -> payable.value().multiply(payment.size()).setScale(2, RoundingMode.DOWN).max(SEN);
            case PAYABLE -> payable.value();
            case TOO_MUCH -> payable.value().add(payment.size().max(SEN));
            case FIXED -> payment.size();
        };
        return Amount.of(value.setScale(2, RoundingMode.DOWN));
    }

    @Provide
    Arbitrary<Loan> loans() {
        Arbitrary<PeriodRate> rates = Combinators.combine(Arbitraries.of(RatePeriod.class),
                Arbitraries.of(Frequency.class)).flatAs((period, frequency) -> Arbitraries.bigDecimals()
                        .between(BigDecimal.ZERO, period == RatePeriod.MONTH ? BigDecimal.TEN : new BigDecimal("60"))
                        .ofScale(2).map(r -> new PeriodRate(r, period, frequency)));
        Arbitrary<Rounding> roundings = Combinators.combine(
                Arbitraries.of("1", "100", "500", "1000").map(BigDecimal::new),
                Arbitraries.of(RoundingMode.HALF_UP, RoundingMode.UP, RoundingMode.DOWN)).as(Rounding::new);
        Arbitrary<BigDecimal> penalties = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(4, Arbitraries.bigDecimals().between(new BigDecimal("0.001"), BigDecimal.ONE).ofScale(3)));
        Arbitrary<Amount> principals = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("100000"), new BigDecimal("100000000")).ofScale(0),
                Arbitraries.bigDecimals().between(new BigDecimal("1000"), new BigDecimal("100000000")).ofScale(2))
                .map(Amount::of);
        Arbitrary<LocalDate> days = Arbitraries.integers().between(0, 1500).map(LocalDate.of(2025, 1, 1)::plusDays);
        Arbitrary<LoanTerms> terms = Combinators.combine(Arbitraries.of(InterestMethod.class), rates, roundings)
                .flatAs((method, rate, rounding) -> Arbitraries.integers().between(1, 36).flatMap(n -> Arbitraries
                        .integers().between(0, Math.min(n - 1, 3))
                        .map(g -> new LoanTerms(method, rate, n, g, rounding))));
        return Combinators.combine(terms, principals, days, penalties, Arbitraries.of(AllocationOrder.class))
                .as(AllocatorPropertiesTest::loan);
    }

    @Provide
    Arbitrary<List<Payment>> payments() {
        Arbitrary<Integer> days = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 45)),
                Tuple.of(2, Arbitraries.integers().between(46, 200)),
                Tuple.of(2, Arbitraries.integers().between(-60, -1)));
        Arbitrary<Payment> part = days.flatMap(d -> Arbitraries.bigDecimals()
                .between(SEN, BigDecimal.ONE).ofScale(2).map(f -> new Payment(d, Kind.PART, f)));
        Arbitrary<Payment> payable = days.map(d -> new Payment(d, Kind.PAYABLE, BigDecimal.ZERO));
        Arbitrary<Payment> tooMuch = days.flatMap(d -> Arbitraries.bigDecimals()
                .between(SEN, new BigDecimal("100000")).ofScale(2).map(x -> new Payment(d, Kind.TOO_MUCH, x)));
        Arbitrary<Payment> fixed = days.flatMap(d -> Arbitraries.bigDecimals()
                .between(SEN, new BigDecimal("5000000")).ofScale(2).map(x -> new Payment(d, Kind.FIXED, x)));
        return Arbitraries.frequencyOf(Tuple.of(6, part), Tuple.of(1, payable), Tuple.of(1, tooMuch),
                Tuple.of(3, fixed)).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<Integer> settleDays() {
        return Arbitraries.integers().between(0, 120);
    }

    private static Loan loan(LoanTerms t, Amount principal, LocalDate disbursedOn, BigDecimal penalty,
            AllocationOrder order) {
        List<InstallmentState> installments = ScheduleCalculator.schedule(t, principal, disbursedOn).stream()
                .map(InstallmentState::fresh).toList();
        RepaymentTerms terms = new RepaymentTerms(t.method(), t.rate(), penalty, t.rounding(), order);
        return new Loan(terms, installments, principal, disbursedOn);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Amount sum(List<AllocationLine> lines, Function<AllocationLine, Amount> part) {
        return lines.stream().map(part).reduce(Amount.ZERO, Amount::plus);
    }

    private static Amount sumStates(List<InstallmentState> states, Function<InstallmentState, Amount> part) {
        return states.stream().map(part).reduce(Amount.ZERO, Amount::plus);
    }
}
