package id.lumbung.loan.repayment;

import java.time.LocalDate;

import id.lumbung.money.Amount;

/**
 * A loan as it stands on one day, from its installments: what is outstanding, what is due and overdue
 * (tunggakan), and what falls due next. {@code nextDueOn} and {@code nextDueAmount} are null when nothing
 * falls due any more.
 */
public record LoanPosition(Amount outstandingPrincipal, Amount interestDue, Amount penaltyDue, int daysPastDue,
        int installmentsInArrears, Amount arrearsAmount, LocalDate nextDueOn, Amount nextDueAmount) {

    /** This position with another outstanding principal: the one its reader takes from elsewhere. */
    public LoanPosition withOutstanding(Amount outstanding) {
        return new LoanPosition(outstanding, interestDue, penaltyDue, daysPastDue, installmentsInArrears,
                arrearsAmount, nextDueOn, nextDueAmount);
    }
}
