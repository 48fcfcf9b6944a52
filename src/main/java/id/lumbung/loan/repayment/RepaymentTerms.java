package id.lumbung.loan.repayment;

import java.math.BigDecimal;
import java.util.Objects;

import id.lumbung.loan.schedule.InterestMethod;
import id.lumbung.loan.schedule.PeriodRate;
import id.lumbung.loan.schedule.Rounding;

/**
 * What the allocator needs to know of a loan and its product: how interest is recomputed after a
 * prepayment, the daily penalty (denda) rate — 0 when the product charges none — rounding and the order
 * in which a payment settles an installment.
 */
public record RepaymentTerms(InterestMethod method, PeriodRate rate, BigDecimal penaltyRatePerDayPercent,
        Rounding rounding, AllocationOrder order) {

    public RepaymentTerms {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(penaltyRatePerDayPercent, "penaltyRatePerDayPercent");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(order, "order");
        if (penaltyRatePerDayPercent.signum() < 0) {
            throw new IllegalArgumentException(
                    "a penalty rate is not negative: " + penaltyRatePerDayPercent.toPlainString());
        }
    }
}
