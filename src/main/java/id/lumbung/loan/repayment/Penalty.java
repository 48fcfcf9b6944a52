package id.lumbung.loan.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import id.lumbung.money.Amount;

/**
 * Penalty (denda) accruing day by day on an overdue installment's unpaid principal and interest — never on
 * penalty — from the later of its due date and the day penalty was last charged through.
 */
final class Penalty {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Penalty() {
    }

    /**
     * The penalty accrued on {@code s} up to {@code on} and not charged yet, rounded once. Nothing accrues
     * on or before the start day, so a back-dated payment accrues nothing.
     */
    static Amount accrued(InstallmentState s, RepaymentTerms terms, LocalDate on) {
        LocalDate start = start(s);
        Amount base = s.unpaidPrincipal().plus(s.unpaidInterest());
        if (!on.isAfter(start) || !base.isPositive() || terms.penaltyRatePerDayPercent().signum() == 0) {
            return Amount.ZERO;
        }
        BigDecimal days = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, on));
        BigDecimal dividend = base.value().multiply(terms.penaltyRatePerDayPercent()).multiply(days);
        return Amount.of(terms.rounding().roundQuotient(dividend, HUNDRED));
    }

    /** The penalty owed on {@code on}: charged and unpaid, plus what has accrued since. */
    static Amount owed(InstallmentState s, RepaymentTerms terms, LocalDate on) {
        return s.unpaidPenaltyCharged().plus(accrued(s, terms, on));
    }

    /** The day penalty accrues after: the due date, or the later day it was charged through. */
    static LocalDate start(InstallmentState s) {
        LocalDate through = s.penaltyThrough();
        return through != null && through.isAfter(s.dueOn()) ? through : s.dueOn();
    }
}
