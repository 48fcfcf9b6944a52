package id.lumbung.loan.repayment;

import static id.lumbung.loan.repayment.Loans.rp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.schedule.InterestMethod;
import id.lumbung.money.Amount;

/** Where a payment goes, each rule pinned by an example worked by hand. */
class AllocatorTest {

    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MAR_11 = LocalDate.of(2026, 3, 11);
    private static final LocalDate MAR_21 = LocalDate.of(2026, 3, 21);
    private static final RepaymentTerms PENALTY_FIRST = Loans.flatTerms(AllocationOrder.PENALTY_INTEREST_PRINCIPAL);
    private static final RepaymentTerms PENALTY_LAST = Loans.flatTerms(AllocationOrder.INTEREST_PRINCIPAL_PENALTY);

    @Test
    void chargesPenaltyFirstThenInterestThenPrincipal() {
        // 345,000 due 1 March, paid 100,000 on 11 March: 10 days × 0.1 % × 345,000 = 3,450 penalty, then the
        // 45,000 interest, and 100,000 − 48,450 = 51,550 principal.
        Allocation a = Allocator.allocate(Loans.flatLoan(), PENALTY_FIRST, rp(100_000), MAR_11);
        assertEquals(List.of(new AllocationLine(1, rp(3_450), rp(3_450), rp(45_000), rp(51_550))), a.lines());
        assertEquals(rp(3_450), a.penalty());
        assertEquals(rp(45_000), a.interest());
        assertEquals(rp(51_550), a.principal());
        InstallmentState first = a.after().get(0);
        assertEquals(rp(3_450), first.penaltyCharged());
        assertEquals(MAR_11, first.penaltyThrough());
        assertEquals(InstallmentStatus.PARTIAL, first.status());
        assertEquals(10, a.after().size());

        // The rest on 21 March: 10 more days on the 248,450 unpaid = 2,484.5 → 2,485, then the principal.
        Amount rest = rp(248_450 + 2_485);
        assertEquals(rest, Allocator.payable(a.after(), PENALTY_FIRST, MAR_21).minus(rp(2_700_000)));
        Allocation b = Allocator.allocate(a.after(), PENALTY_FIRST, rest, MAR_21);
        assertEquals(List.of(new AllocationLine(1, rp(2_485), rp(2_485), Amount.ZERO, rp(248_450))), b.lines());
        assertEquals(InstallmentStatus.PAID, b.after().get(0).status());
        assertEquals(InstallmentStatus.PENDING, b.after().get(1).status());
    }

    @Test
    void chargesPenaltyButPaysItLastInTheOtherOrder() {
        // Same 100,000 on 11 March: 3,450 penalty is charged, but interest 45,000 and principal 55,000 come
        // first. On 21 March 10 days on the 245,000 unpaid add 2,450: 5,900 charged. 250,000 then pays the
        // 245,000 principal and 5,000 of the penalty, leaving 900.
        Allocation a = Allocator.allocate(Loans.flatLoan(), PENALTY_LAST, rp(100_000), MAR_11);
        assertEquals(List.of(new AllocationLine(1, rp(3_450), Amount.ZERO, rp(45_000), rp(55_000))), a.lines());
        assertEquals(rp(3_450), a.after().get(0).unpaidPenaltyCharged());

        Allocation b = Allocator.allocate(a.after(), PENALTY_LAST, rp(250_000), MAR_21);
        assertEquals(List.of(new AllocationLine(1, rp(2_450), rp(5_000), Amount.ZERO, rp(245_000))), b.lines());
        InstallmentState first = b.after().get(0);
        assertEquals(rp(900), first.unpaidPenaltyCharged());
        assertFalse(first.settled());
        assertEquals(InstallmentStatus.PARTIAL, first.status());
    }

    @Test
    void settlesTheOldestInstallmentFirst() {
        // On 11 April installment 1 is 41 days late (14,145 penalty) and installment 2 10 days (3,450).
        // 400,000 settles installment 1 (14,145 + 45,000 + 300,000 = 359,145); the 40,855 left pays
        // installment 2's 3,450 penalty and 37,405 of its interest.
        Allocation a = Allocator.allocate(Loans.flatLoan(), PENALTY_FIRST, rp(400_000), LocalDate.of(2026, 4, 11));
        assertEquals(List.of(new AllocationLine(1, rp(14_145), rp(14_145), rp(45_000), rp(300_000)),
                new AllocationLine(2, rp(3_450), rp(3_450), rp(37_405), Amount.ZERO)), a.lines());
        assertTrue(a.after().get(0).settled());
        assertEquals(rp(7_595), a.after().get(1).unpaidInterest());
    }

    @Test
    void flatPrepaymentWaivesTheInterestOfTheInstallmentItEmpties() {
        // 645,000 on 1 March: installment 1's 345,000, then 300,000 prepays installment 10 backwards, which
        // owes no interest once it has no principal left: its 45,000 is waived.
        Allocation a = Allocator.allocate(Loans.flatLoan(), PENALTY_FIRST, rp(645_000), MAR_1);
        assertEquals(List.of(new AllocationLine(1, Amount.ZERO, Amount.ZERO, rp(45_000), rp(300_000)),
                new AllocationLine(10, Amount.ZERO, Amount.ZERO, Amount.ZERO, rp(300_000))), a.lines());
        InstallmentState last = a.after().get(9);
        assertEquals(Amount.ZERO, last.interest());
        assertTrue(last.settled());
        assertEquals(rp(45_000), a.after().get(8).interest());
        // A payoff on 1 March no longer counts installment 10's interest.
        assertEquals(rp(2_400_000), Allocator.payable(a.after(), PENALTY_FIRST, MAR_1));
    }

    @Test
    void flatPrepaymentLeavesInterestWhilePrincipalRemains() {
        Allocation a = Allocator.allocate(Loans.flatLoan(), PENALTY_FIRST, rp(445_000), MAR_1);
        InstallmentState last = a.after().get(9);
        assertEquals(rp(200_000), last.unpaidPrincipal());
        assertEquals(rp(45_000), last.interest());
    }

    @Test
    void decliningPrepaymentRecomputesLaterInterest() {
        // 1,200,000 at 1 % a month over 3 (annuity 408,026.53 → 408,027): 396,027 + 12,000 on 1 Feb,
        // 399,987 + 8,040 on 1 Mar, 403,986 + 4,040 on 1 Apr. 708,027 on 1 Feb pays installment 1 and
        // prepays 300,000 of installment 3, leaving 103,986. Interest is then 1 % of what is outstanding
        // over each period: installment 2, 1 % × (399,987 + 103,986) = 5,039.73 → 5,040; installment 3,
        // 1 % × 103,986 = 1,039.86 → 1,040.
        List<InstallmentState> loan = Loans.fresh(InterestMethod.DECLINING_BALANCE, Loans.monthly("1"), 3,
                1_200_000, LocalDate.of(2026, 1, 1));
        assertEquals(List.of(rp(12_000), rp(8_040), rp(4_040)), loan.stream().map(InstallmentState::interest).toList());
        RepaymentTerms terms = Loans.terms(InterestMethod.DECLINING_BALANCE, Loans.monthly("1"),
                AllocationOrder.PENALTY_INTEREST_PRINCIPAL);
        Allocation a = Allocator.allocate(loan, terms, rp(708_027), LocalDate.of(2026, 2, 1));
        assertEquals(List.of(new AllocationLine(1, Amount.ZERO, Amount.ZERO, rp(12_000), rp(396_027)),
                new AllocationLine(3, Amount.ZERO, Amount.ZERO, Amount.ZERO, rp(300_000))), a.lines());
        assertEquals(rp(5_040), a.after().get(1).interest());
        assertEquals(rp(103_986), a.after().get(2).unpaidPrincipal());
        assertEquals(rp(1_040), a.after().get(2).interest());
    }

    @Test
    void equalPrincipalPrepaymentRecomputesLaterInterest() {
        // 1,200,000 at 1 % over 3: 400,000 + 12,000 / 8,000 / 4,000. 612,000 on 1 Feb pays installment 1
        // and prepays 200,000 of installment 3: installment 2 then owes 1 % × 600,000 = 6,000, installment 3
        // 1 % × 200,000 = 2,000.
        List<InstallmentState> loan = Loans.fresh(InterestMethod.EQUAL_PRINCIPAL, Loans.monthly("1"), 3,
                1_200_000, LocalDate.of(2026, 1, 1));
        RepaymentTerms terms = Loans.terms(InterestMethod.EQUAL_PRINCIPAL, Loans.monthly("1"),
                AllocationOrder.INTEREST_PRINCIPAL_PENALTY);
        Allocation a = Allocator.allocate(loan, terms, rp(612_000), LocalDate.of(2026, 2, 1));
        assertEquals(List.of(rp(12_000), rp(6_000), rp(2_000)),
                a.after().stream().map(InstallmentState::interest).toList());
    }

    @Test
    void aBackDatedPaymentAccruesNothingAndKeepsThePenaltyDay() {
        // 100,000 on 21 March charges 20 days × 345 = 6,900 and pays 45,000 interest and 48,100 principal.
        // A payment then entered for 11 March charges nothing more, pays principal and leaves the penalty
        // charged through 21 March; from there 10 days on 201,900 unpaid add 2,019 by 31 March.
        Allocation late = Allocator.allocate(Loans.flatLoan(), PENALTY_FIRST, rp(100_000), MAR_21);
        assertEquals(List.of(new AllocationLine(1, rp(6_900), rp(6_900), rp(45_000), rp(48_100))), late.lines());
        Allocation back = Allocator.allocate(late.after(), PENALTY_FIRST, rp(50_000), MAR_11);
        assertEquals(List.of(new AllocationLine(1, Amount.ZERO, Amount.ZERO, Amount.ZERO, rp(50_000))),
                back.lines());
        InstallmentState first = back.after().get(0);
        assertEquals(MAR_21, first.penaltyThrough());
        assertEquals(rp(6_900), first.penaltyCharged());
        Amount otherPrincipal = rp(2_700_000);
        assertEquals(rp(201_900 + 2_019), Allocator.payable(back.after(), PENALTY_FIRST, LocalDate.of(2026, 3, 31))
                .minus(otherPrincipal));
    }

    @Test
    void refusesMoreThanCanBePaidThatDay() {
        // On 1 March: all 3,000,000 principal and installment 1's 45,000 interest; nothing is late yet.
        List<InstallmentState> loan = Loans.flatLoan();
        assertEquals(rp(3_045_000), Allocator.payable(loan, PENALTY_FIRST, MAR_1));
        RepaymentExceedsOutstanding refused = assertThrows(RepaymentExceedsOutstanding.class,
                () -> Allocator.allocate(loan, PENALTY_FIRST, Amount.parse("3045000.01"), MAR_1));
        assertEquals(rp(3_045_000), refused.payable());
        assertThrows(IllegalArgumentException.class, () -> Allocator.allocate(loan, PENALTY_FIRST, Amount.ZERO, MAR_1));
    }

    @Test
    void payingWhatIsPayableSettlesTheLoan() {
        List<InstallmentState> loan = Loans.flatLoan();
        Allocation a = Allocator.allocate(loan, PENALTY_FIRST, rp(3_045_000), MAR_1);
        assertTrue(a.after().stream().allMatch(InstallmentState::settled));
        assertEquals(rp(3_000_000), a.principal());
        assertEquals(rp(45_000), a.interest());
        assertEquals(Amount.ZERO, Allocator.payable(a.after(), PENALTY_FIRST, LocalDate.of(2027, 1, 1)));
    }
}
