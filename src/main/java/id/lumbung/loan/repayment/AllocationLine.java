package id.lumbung.loan.repayment;

import id.lumbung.money.Amount;

/**
 * What one payment did to one installment: the penalty it newly charged (crystallised) for the days
 * overdue, and the penalty, interest and principal it paid.
 */
public record AllocationLine(int number, Amount penaltyAccrued, Amount penalty, Amount interest, Amount principal) {

    public Amount total() {
        return penalty.plus(interest).plus(principal);
    }
}
