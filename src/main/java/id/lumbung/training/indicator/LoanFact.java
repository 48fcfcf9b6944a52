package id.lumbung.training.indicator;

import java.time.LocalDate;
import java.util.UUID;

import id.lumbung.money.Amount;

/**
 * A loan as the repayment indicators read it: outstanding and days past due from the loan package's
 * own positions, and whether it matured and kept its schedule.
 */
record LoanFact(UUID loanId, UUID memberId, Amount principal, LocalDate disbursedOn, Amount outstanding,
        int daysPastDue, boolean matured, boolean repaidOnSchedule) {
}
