package id.lumbung.loan.reschedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.SeededCases;
import id.lumbung.loan.repayment.AllocationOrder;
import id.lumbung.loan.repayment.Allocator;
import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.loan.repayment.RepaymentTerms;
import id.lumbung.loan.schedule.Frequency;
import id.lumbung.loan.schedule.InterestMethod;
import id.lumbung.loan.schedule.LoanTerms;
import id.lumbung.loan.schedule.PeriodRate;
import id.lumbung.loan.schedule.RatePeriod;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.loan.schedule.ScheduleCalculator;
import id.lumbung.money.Amount;

/** A reschedule's arithmetic: the class comment's example by hand, and that nothing owed is ever forgiven. */
class RestructuringTest {

    private static final Rounding THOUSAND = new Rounding(new BigDecimal("1000"), RoundingMode.HALF_UP);
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    private static PeriodRate monthly(String percent) {
        return new PeriodRate(new BigDecimal(percent), RatePeriod.MONTH, Frequency.MONTHLY);
    }

    private static RepaymentTerms terms(InterestMethod method, PeriodRate rate) {
        return new RepaymentTerms(method, rate, new BigDecimal("0.1"), THOUSAND,
                AllocationOrder.PENALTY_INTEREST_PRINCIPAL);
    }

    private static List<InstallmentState> flatLoan() {
        return ScheduleCalculator.schedule(new LoanTerms(InterestMethod.FLAT, monthly("1.5"), 10, 0, THOUSAND),
                Amount.ofRupiah(3_000_000), JAN_1).stream().map(InstallmentState::fresh).toList();
    }

    @Test
    void carriesPastInterestAndPenaltyToTheFirstNewInstallment() {
        RepaymentTerms old = terms(InterestMethod.FLAT, monthly("1.5"));
        List<InstallmentState> paidOnce = Allocator.allocate(flatLoan(), old, Amount.ofRupiah(345_000),
                LocalDate.of(2026, 2, 1)).after();
        LocalDate on = LocalDate.of(2026, 4, 11);
        LoanTerms twelve = new LoanTerms(InterestMethod.FLAT, monthly("1"), 12, 0, THOUSAND);

        Restructuring.Result result = Restructuring.reschedule(paidOnce, old, twelve, on);

        assertEquals(Amount.ofRupiah(2_700_000), result.outstandingPrincipal());
        assertEquals(Amount.ofRupiah(90_000), result.carriedInterest());
        // 345,000 × 0.1 % × 41 days (1 March → 11 April) = 14,145 → 14,000; × 10 days = 3,450 → 3,000.
        assertEquals(Amount.ofRupiah(17_000), result.carriedPenalty());
        assertEquals(41, result.daysPastDue());
        assertEquals(2, result.missedInstallments());
        List<InstallmentState> next = result.installments();
        assertEquals(12, next.size());
        assertEquals(LocalDate.of(2026, 5, 11), next.get(0).dueOn());
        assertEquals(LocalDate.of(2027, 4, 11), next.get(11).dueOn());
        assertEquals(Amount.ofRupiah(225_000), next.get(0).principal());
        assertEquals(Amount.ofRupiah(117_000), next.get(0).interest());
        assertEquals(Amount.ofRupiah(17_000), next.get(0).penaltyCharged());
        assertEquals(Amount.ofRupiah(27_000), next.get(1).interest());
        assertEquals(Amount.ZERO, next.get(1).penaltyCharged());
        // Nothing is in arrears on the day the new version starts.
        assertEquals(0, Allocator.position(next, old, on).daysPastDue());
    }

    @Test
    void anInstallmentDueOnTheDayIsPastButNotMissedWhenPaid() {
        RepaymentTerms old = terms(InterestMethod.FLAT, monthly("1.5"));
        LocalDate due = LocalDate.of(2026, 2, 1);
        List<InstallmentState> paid = Allocator.allocate(flatLoan(), old, Amount.ofRupiah(345_000), due).after();
        Restructuring.Result result = Restructuring.reschedule(paid, old,
                new LoanTerms(InterestMethod.FLAT, monthly("1.5"), 6, 1, THOUSAND), due);
        assertEquals(Amount.ZERO, result.carriedInterest());
        assertEquals(Amount.ZERO, result.carriedPenalty());
        assertEquals(0, result.missedInstallments());
        assertEquals(0, result.daysPastDue());
        assertEquals(Amount.ZERO, result.installments().get(0).principal(), "a grace installment repays nothing");
    }

    @Test
    void aPrepaymentAfterARescheduleKeepsTheCarriedInterest() {
        RepaymentTerms old = terms(InterestMethod.FLAT, monthly("1.5"));
        LocalDate on = LocalDate.of(2026, 4, 11);
        for (InterestMethod method : InterestMethod.values()) {
            Restructuring.Result r = Restructuring.reschedule(flatLoan(), old,
                    new LoanTerms(method, monthly("1"), 6, 0, THOUSAND), on);
            RepaymentTerms next = new RepaymentTerms(method, monthly("1"), new BigDecimal("0.1"), THOUSAND,
                    AllocationOrder.PENALTY_INTEREST_PRINCIPAL, r.carriedInterest());
            // Everything but 100,000 of principal prepaid ten days after `on`, before anything falls due.
            Amount principal = r.outstandingPrincipal();
            List<InstallmentState> after = Allocator.allocate(r.installments(), next,
                    principal.minus(Amount.ofRupiah(100_000)), on.plusDays(10)).after();
            assertTrue(after.get(0).interest().compareTo(r.carriedInterest()) >= 0,
                    method + ": the first installment still owes the carried " + r.carriedInterest() + ", not "
                            + after.get(0).interest());
            // All principal prepaid: the carried interest and penalty stay, due with the first installment.
            List<InstallmentState> all = Allocator.allocate(r.installments(), next, principal, on.plusDays(10))
                    .after();
            assertEquals(r.carriedInterest(), all.get(0).interest(), method.name());
            assertEquals(r.carriedPenalty(), all.get(0).unpaidPenaltyCharged(), method.name());
            // Rescheduled again before the first installment fell due: the carried amounts carry on.
            Restructuring.Result again = Restructuring.reschedule(r.installments(), next,
                    new LoanTerms(method, monthly("1"), 3, 0, THOUSAND), on.plusDays(5));
            assertEquals(r.carriedInterest(), again.carriedInterest(), method.name());
            assertEquals(r.carriedPenalty(), again.carriedPenalty(), method.name());
        }
    }

    @Test
    void neverForgivesWhatWasOwed() {
        SeededCases.forAll(20261202L, 200, RestructuringTest::draw, (c, k) -> {
            RepaymentTerms old = terms(c.method, monthly("2"));
            List<InstallmentState> before = c.before;
            Restructuring.Result r = Restructuring.reschedule(before, old,
                    new LoanTerms(c.method, monthly(c.newRate), c.installments, c.grace, THOUSAND), c.on);
            Amount principal = Amount.ZERO;
            Amount interest = Amount.ZERO;
            Amount penalty = Amount.ZERO;
            for (InstallmentState s : r.installments()) {
                principal = principal.plus(s.principal());
                interest = interest.plus(s.interest());
                penalty = penalty.plus(s.penaltyCharged());
                assertTrue(s.dueOn().isAfter(c.on), k.says("every new installment falls due after on"));
            }
            Amount unpaidPrincipal = before.stream().map(InstallmentState::unpaidPrincipal)
                    .reduce(Amount.ZERO, Amount::plus);
            assertEquals(unpaidPrincipal, principal, k.says("the new version schedules all unpaid principal"));
            assertEquals(Allocator.position(before, old, c.on).penaltyDue(), penalty,
                    k.says("the penalty owed on `on` moves over"));
            Amount pastInterest = before.stream().filter(s -> !s.dueOn().isAfter(c.on))
                    .map(InstallmentState::unpaidInterest).reduce(Amount.ZERO, Amount::plus);
            assertFalse(interest.compareTo(pastInterest) < 0, k.says("the past interest moves over"));
            assertEquals(r.installments().size(), c.installments, k.says("as many installments as asked"));
        });
    }

    private record Drawn(InterestMethod method, List<InstallmentState> before, LocalDate on, String newRate,
            int installments, int grace) {
    }

    private static Drawn draw(Random random) {
        InterestMethod method = InterestMethod.values()[random.nextInt(InterestMethod.values().length)];
        int n = 3 + random.nextInt(10);
        List<InstallmentState> states = ScheduleCalculator.schedule(new LoanTerms(method, monthly("2"), n, 0,
                THOUSAND), Amount.ofRupiah(1_000_000 + random.nextInt(50) * 100_000L), JAN_1).stream()
                .map(InstallmentState::fresh).toList();
        RepaymentTerms terms = terms(method, monthly("2"));
        LocalDate day = JAN_1;
        List<InstallmentState> current = new ArrayList<>(states);
        for (int i = 0; i < 4; i++) {
            day = day.plusDays(random.nextInt(40));
            Amount payable = Allocator.payable(current, terms, day);
            Amount unpaid = current.stream().map(InstallmentState::unpaidPrincipal).reduce(Amount.ZERO,
                    Amount::plus);
            long pay = Math.min(random.nextInt(400) * 1_000L + 1_000, payable.value().longValue() - 1);
            if (pay > 0 && unpaid.value().longValue() > pay) {
                current = new ArrayList<>(Allocator.allocate(current, terms, Amount.ofRupiah(pay), day).after());
            }
        }
        LocalDate on = day.plusDays(random.nextInt(120));
        int installments = 1 + random.nextInt(24);
        return new Drawn(method, List.copyOf(current), on, random.nextBoolean() ? "0" : "1.25", installments,
                random.nextInt(installments));
    }
}
