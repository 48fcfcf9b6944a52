package id.lumbung.loan.repayment;

import static id.lumbung.loan.repayment.Loans.rp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.lumbung.money.Amount;

/** A loan as it stands on a day: outstanding, due, in arrears and next due. */
class LoanPositionTest {

    private static final RepaymentTerms TERMS = Loans.flatTerms(AllocationOrder.PENALTY_INTEREST_PRINCIPAL);

    @Test
    void aFreshLoanOwesNothingYet() {
        LoanPosition p = Allocator.position(Loans.flatLoan(), TERMS, LocalDate.of(2026, 2, 15));
        assertEquals(new LoanPosition(rp(3_000_000), Amount.ZERO, Amount.ZERO, 0, 0, Amount.ZERO,
                LocalDate.of(2026, 3, 1), rp(345_000)), p);
    }

    @Test
    void anInstallmentDueTodayIsDueButNotInArrears() {
        LoanPosition p = Allocator.position(Loans.flatLoan(), TERMS, LocalDate.of(2026, 3, 1));
        assertEquals(new LoanPosition(rp(3_000_000), rp(45_000), Amount.ZERO, 0, 0, Amount.ZERO,
                LocalDate.of(2026, 3, 1), rp(345_000)), p);
    }

    @Test
    void arrearsWithPenaltyAccruedToTheDay() {
        // After 100,000 on 11 March (3,450 penalty, 45,000 interest, 51,550 principal), on 5 April:
        // installment 1 owes 248,450 and 25 days of penalty on it, 6,211.25 → 6,211; installment 2 (due
        // 1 April) owes 345,000 and 4 days on it, 1,380. The oldest arrears are 35 days old.
        List<InstallmentState> paid = Allocator.allocate(Loans.flatLoan(), TERMS, rp(100_000),
                LocalDate.of(2026, 3, 11)).after();
        LoanPosition p = Allocator.position(paid, TERMS, LocalDate.of(2026, 4, 5));
        assertEquals(rp(2_948_450), p.outstandingPrincipal());
        assertEquals(rp(45_000), p.interestDue());
        assertEquals(rp(6_211 + 1_380), p.penaltyDue());
        assertEquals(35, p.daysPastDue());
        assertEquals(2, p.installmentsInArrears());
        assertEquals(rp(248_450 + 345_000 + 7_591), p.arrearsAmount());
        assertEquals(LocalDate.of(2026, 5, 1), p.nextDueOn());
        assertEquals(rp(345_000), p.nextDueAmount());
        // A view changes nothing.
        assertEquals(p, Allocator.position(paid, TERMS, LocalDate.of(2026, 4, 5)));
    }

    @Test
    void aRepaidLoanHasNothingNext() {
        List<InstallmentState> loan = Loans.flatLoan();
        List<InstallmentState> paid = Allocator.allocate(loan, TERMS, rp(3_045_000), LocalDate.of(2026, 3, 1))
                .after();
        LoanPosition p = Allocator.position(paid, TERMS, LocalDate.of(2026, 3, 2));
        assertEquals(new LoanPosition(Amount.ZERO, Amount.ZERO, Amount.ZERO, 0, 0, Amount.ZERO, null, null), p);
    }
}
