package id.lumbung.loan.repayment;

import java.math.BigDecimal;
import java.util.Objects;

import id.lumbung.loan.schedule.InterestMethod;
import id.lumbung.loan.schedule.PeriodRate;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;

/**
 * What the allocator needs to know of a loan and its product: how interest is recomputed after a
 * prepayment, the daily penalty (denda) rate — 0 when the product charges none — rounding and the order
 * in which a payment settles an installment. {@code carriedInterest} is the interest a reschedule moved to
 * the first installment from the installments it replaced (zero for a schedule never rescheduled): interest
 * already earned, which no repricing after a prepayment takes away.
 */
public record RepaymentTerms(InterestMethod method, PeriodRate rate, BigDecimal penaltyRatePerDayPercent,
        Rounding rounding, AllocationOrder order, Amount carriedInterest) {

    /** Terms of a schedule whose first installment carries nothing over from a rescheduled one. */
    public RepaymentTerms(InterestMethod method, PeriodRate rate, BigDecimal penaltyRatePerDayPercent,
            Rounding rounding, AllocationOrder order) {
        this(method, rate, penaltyRatePerDayPercent, rounding, order, Amount.ZERO);
    }

    public RepaymentTerms {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(penaltyRatePerDayPercent, "penaltyRatePerDayPercent");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(carriedInterest, "carriedInterest");
        if (penaltyRatePerDayPercent.signum() < 0) {
            throw new IllegalArgumentException(
                    "a penalty rate is not negative: " + penaltyRatePerDayPercent.toPlainString());
        }
    }
}
