package id.lumbung.loan.repayment;

import static id.lumbung.loan.SeededCases.between;
import static id.lumbung.loan.SeededCases.decimal;
import static id.lumbung.loan.SeededCases.forAll;
import static id.lumbung.loan.SeededCases.listOf;
import static id.lumbung.loan.SeededCases.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.SeededCases.Case;
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

    // Seeded-random JUnit 5 properties rather than a property-testing library: the author of the one these
    // replace asks AI agents not to use it, and we respect that wish (the commit removing it names it). The
    // property checks TRIES cases drawn from a Random seeded with SEED plus the case index (SeededCases), so
    // runs are reproducible; a failure names the case seed and inputs to replay it.

    private static final int TRIES = 500;

    private static final long SEED = 2_026_100_000L;

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

    /**
     * One case as drawn, named in every message: the schedule's terms, principal, disbursement day, penalty
     * rate, allocation order, the payments one after the other, and the days after the last due date on
     * which what is payable is paid.
     */
    record Inputs(LoanTerms schedule, Amount principal, LocalDate disbursedOn, BigDecimal penaltyPercent,
            AllocationOrder order, List<Payment> payments, int settleDays) {

        Loan loan() {
            List<InstallmentState> installments = ScheduleCalculator.schedule(schedule, principal, disbursedOn)
                    .stream().map(InstallmentState::fresh).toList();
            RepaymentTerms terms = new RepaymentTerms(schedule.method(), schedule.rate(), penaltyPercent,
                    schedule.rounding(), order);
            return new Loan(terms, installments, principal, disbursedOn);
        }
    }

    @Test
    void paymentsOneAfterAnotherKeepTheBooksWhole() {
        forAll(SEED, TRIES, AllocatorPropertiesTest::inputs, AllocatorPropertiesTest::keepTheBooksWhole);
    }

    private static void keepTheBooksWhole(Inputs inputs, Case<Inputs> c) {
        Loan loan = inputs.loan();
        RepaymentTerms terms = loan.terms();
        List<InstallmentState> states = loan.installments();
        LocalDate latest = loan.disbursedOn();
        for (Payment payment : inputs.payments()) {
            LocalDate on = max(loan.disbursedOn(), latest.plusDays(payment.days()));
            latest = max(latest, on);
            Amount payable = Allocator.payable(states, terms, on);
            Amount amount = amount(payment, payable);
            if (amount.compareTo(payable) > 0) {
                assertRefused(c, states, terms, amount, on, payable);
                continue;
            }
            if (!amount.isPositive()) {
                continue;
            }
            Allocation a = Allocator.allocate(states, terms, amount, on);
            assertWhole(c, loan, states, a, amount);
            assertEquals(payable.minus(amount), Allocator.payable(a.after(), terms, on),
                    c.says(() -> "what is payable on " + on + " drops by exactly the payment of " + amount));
            states = a.after();
        }
        LocalDate end = loan.installments().getLast().dueOn().plusDays(inputs.settleDays());
        Amount payable = Allocator.payable(states, terms, end);
        if (payable.isPositive()) {
            Allocation a = Allocator.allocate(states, terms, payable, end);
            assertWhole(c, loan, states, a, payable);
            states = a.after();
        }
        List<InstallmentState> settled = states;
        assertTrue(states.stream().allMatch(InstallmentState::settled), c.says(() -> "not settled: " + settled));
        LoanPosition position = Allocator.position(states, terms, end);
        assertEquals(Amount.ZERO, position.outstandingPrincipal(), c.says(() -> "outstanding on " + end));
        assertEquals(Amount.ZERO, position.arrearsAmount(), c.says(() -> "arrears on " + end));
        assertEquals(null, position.nextDueOn(), c.says(() -> "next due date on " + end));
        assertEquals(Amount.ZERO, Allocator.payable(states, terms, end.plusDays(30)),
                c.says(() -> "payable 30 days after " + end));
    }

    private static void assertRefused(Case<Inputs> c, List<InstallmentState> states, RepaymentTerms terms,
            Amount amount, LocalDate on, Amount payable) {
        List<InstallmentState> before = List.copyOf(states);
        RepaymentExceedsOutstanding refused = assertThrows(RepaymentExceedsOutstanding.class,
                () -> Allocator.allocate(states, terms, amount, on),
                c.says(() -> "paying " + amount + " on " + on + " with " + payable + " payable"));
        assertEquals(payable, refused.payable(), c.says(() -> "payable named by the refusal on " + on));
        assertEquals(before, states, c.says("a refused payment changes nothing"));
    }

    /** Everything one allocation must keep, comparing the installments before and after. */
    private static void assertWhole(Case<Inputs> c, Loan loan, List<InstallmentState> before, Allocation a,
            Amount amount) {
        List<AllocationLine> lines = a.lines();
        assertEquals(a.penalty(), sum(lines, AllocationLine::penalty), c.says(() -> "penalty of " + a));
        assertEquals(a.interest(), sum(lines, AllocationLine::interest), c.says(() -> "interest of " + a));
        assertEquals(a.principal(), sum(lines, AllocationLine::principal), c.says(() -> "principal of " + a));
        assertEquals(amount, a.total(), c.says(() -> "total of " + a));
        List<InstallmentState> after = a.after();
        assertEquals(before.size(), after.size(), c.says("installments after an allocation"));
        assertEquals(loan.principal(), sumStates(after, InstallmentState::paidPrincipal)
                .plus(sumStates(after, InstallmentState::unpaidPrincipal)),
                c.says(() -> "paid plus unpaid principal of " + after));
        for (int k = 0; k < after.size(); k++) {
            InstallmentState was = before.get(k);
            InstallmentState is = after.get(k);
            Function<String, Supplier<String>> says = what -> c.says(() -> what + ": " + was + " → " + is);
            assertEquals(was.number(), is.number(), says.apply("number"));
            assertEquals(was.dueOn(), is.dueOn(), says.apply("due date"));
            assertEquals(was.principal(), is.principal(), says.apply("principal owed never changes"));
            assertTrue(is.interest().compareTo(was.interest()) <= 0, says.apply("interest grew"));
            assertTrue(is.penaltyCharged().compareTo(was.penaltyCharged()) >= 0, says.apply("penalty charged fell"));
            for (Amount field : List.of(is.paidPrincipal(), is.paidInterest(), is.paidPenalty(),
                    is.unpaidPrincipal(), is.unpaidInterest(), is.unpaidPenaltyCharged())) {
                assertTrue(field.value().signum() >= 0, says.apply("negative"));
            }
            assertTrue(is.paidPrincipal().compareTo(was.paidPrincipal()) >= 0, says.apply("paid principal fell"));
            assertTrue(is.paidInterest().compareTo(was.paidInterest()) >= 0, says.apply("paid interest fell"));
            assertTrue(is.paidPenalty().compareTo(was.paidPenalty()) >= 0, says.apply("paid penalty fell"));
            assertTrue(was.penaltyThrough() == null || !is.penaltyThrough().isBefore(was.penaltyThrough()),
                    says.apply("penalty day moved back"));
        }
        for (AllocationLine line : lines) {
            InstallmentState was = before.get(line.number() - 1);
            InstallmentState is = after.get(line.number() - 1);
            Function<String, Supplier<String>> says =
                    what -> c.says(() -> what + " of " + line + ": " + was + " → " + is);
            assertEquals(is.paidPrincipal().minus(was.paidPrincipal()), line.principal(), says.apply("principal"));
            assertEquals(is.paidInterest().minus(was.paidInterest()), line.interest(), says.apply("interest"));
            assertEquals(is.paidPenalty().minus(was.paidPenalty()), line.penalty(), says.apply("penalty"));
            assertEquals(is.penaltyCharged().minus(was.penaltyCharged()), line.penaltyAccrued(),
                    says.apply("penalty accrued"));
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

    /**
     * A case as the earlier generators drew them: any method, rate period and frequency at 0.00–10.00 % a
     * month or 0.00–60.00 % a year; 1–36 installments with 0 to min(n − 1, 3) of grace; step 1, 100, 500 or
     * 1,000 in HALF_UP, UP or DOWN; a principal of 100,000–100,000,000 whole rupiah or 1,000–100,000,000 with
     * sen, as likely; disbursed 1 January 2025 + 0–1,500 days; no penalty one time in 5, else 0.001–1.000 % a
     * day; any allocation order; up to 12 payments; the final payment 0–120 days after the last due date.
     */
    private static Inputs inputs(Random r) {
        InterestMethod method = oneOf(r, InterestMethod.class);
        RatePeriod period = oneOf(r, RatePeriod.class);
        Frequency frequency = oneOf(r, Frequency.class);
        PeriodRate rate = new PeriodRate(decimal(r, "0", period == RatePeriod.MONTH ? "10" : "60", 2), period,
                frequency);
        Rounding rounding = new Rounding(new BigDecimal(oneOf(r, "1", "100", "500", "1000")),
                oneOf(r, RoundingMode.HALF_UP, RoundingMode.UP, RoundingMode.DOWN));
        int n = between(r, 1, 36);
        LoanTerms schedule = new LoanTerms(method, rate, n, between(r, 0, Math.min(n - 1, 3)), rounding);
        Amount principal = Amount.of(r.nextBoolean()
                ? decimal(r, "100000", "100000000", 0)
                : decimal(r, "1000", "100000000", 2));
        LocalDate disbursedOn = LocalDate.of(2025, 1, 1).plusDays(between(r, 0, 1500));
        BigDecimal penalty = r.nextInt(5) == 0 ? BigDecimal.ZERO : decimal(r, "0.001", "1", 3);
        AllocationOrder order = oneOf(r, AllocationOrder.class);
        List<Payment> payments = listOf(r, 12, AllocatorPropertiesTest::payment);
        return new Inputs(schedule, principal, disbursedOn, penalty, order, payments, between(r, 0, 120));
    }

    /**
     * A payment: a part of what is payable 6 times in 11, all of it 1 in 11, too much 1 in 11 and a fixed
     * amount 3 in 11; 0–45 days after the latest payment 6 times in 10, 46–200 days 2 in 10, or back-dated by
     * 1–60 days 2 in 10.
     */
    private static Payment payment(Random r) {
        int pick = r.nextInt(10);
        int days = pick < 6 ? between(r, 0, 45) : pick < 8 ? between(r, 46, 200) : between(r, -60, -1);
        int kind = r.nextInt(11);
        if (kind < 6) {
            return new Payment(days, Kind.PART, decimal(r, "0.01", "1", 2));
        }
        if (kind < 7) {
            return new Payment(days, Kind.PAYABLE, BigDecimal.ZERO);
        }
        if (kind < 8) {
            return new Payment(days, Kind.TOO_MUCH, decimal(r, "0.01", "100000", 2));
        }
        return new Payment(days, Kind.FIXED, decimal(r, "0.01", "5000000", 2));
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
