package id.lumbung.loan.schedule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;

/**
 * The interest rate i of one installment period, derived from the quoted rate, its period and the
 * installment frequency: 1.5 % per month paid monthly is 0.015; 12 % per year paid weekly is 0.12 / 52.
 *
 * <p>i is kept as an exact fraction {@link #numerator()} / {@link #denominator()}, because a monthly rate
 * paid weekly (× 12 / 52) has no finite decimal: dividing once, at the end of a computation, keeps every
 * interest amount as exact as DECIMAL128 allows and lets {@link #interestOn(BigDecimal, Rounding)} round
 * the exact value.
 */
public record PeriodRate(BigDecimal ratePercent, RatePeriod ratePeriod, Frequency frequency) {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    public PeriodRate {
        Objects.requireNonNull(ratePercent, "ratePercent");
        Objects.requireNonNull(ratePeriod, "ratePeriod");
        Objects.requireNonNull(frequency, "frequency");
        if (ratePercent.signum() < 0) {
            throw new IllegalArgumentException("an interest rate is not negative: " + ratePercent.toPlainString());
        }
    }

    /** The numerator of i: the quoted percentage, times 12 for a monthly rate paid weekly. */
    public BigDecimal numerator() {
        return ratePeriod == RatePeriod.MONTH && frequency == Frequency.WEEKLY
                ? ratePercent.multiply(TWELVE)
                : ratePercent;
    }

    /** The denominator of i: 100 for the percentage, times the periods a year rate spreads over. */
    public BigInteger denominator() {
        long periodsPerYear = frequency == Frequency.MONTHLY ? 12 : 52;
        long perQuote = ratePeriod == RatePeriod.YEAR || frequency == Frequency.WEEKLY ? periodsPerYear : 1;
        return BigInteger.valueOf(100 * perQuote);
    }

    /** {@code amount × i}, unrounded (one DECIMAL128 division). */
    public BigDecimal interestOn(BigDecimal amount) {
        return amount.multiply(numerator()).divide(new BigDecimal(denominator()), MathContext.DECIMAL128);
    }

    /** {@code amount × i × periods} rounded to the step from the exact fraction, for interest amounts. */
    public BigDecimal interestOn(BigDecimal amount, long periods, Rounding rounding) {
        BigDecimal dividend = amount.multiply(numerator()).multiply(BigDecimal.valueOf(periods));
        return rounding.roundQuotient(dividend, new BigDecimal(denominator()));
    }

    /** {@code amount × i} rounded to the step from the exact fraction. */
    public BigDecimal interestOn(BigDecimal amount, Rounding rounding) {
        return interestOn(amount, 1, rounding);
    }

    /** {@code amount × i} rounded down to the step from the exact fraction. */
    public BigDecimal interestRoundedDownOn(BigDecimal amount, Rounding rounding) {
        return rounding.roundDownQuotient(amount.multiply(numerator()), new BigDecimal(denominator()));
    }

    /** i itself, in DECIMAL128. */
    public BigDecimal decimal() {
        return numerator().divide(new BigDecimal(denominator()), MathContext.DECIMAL128);
    }

    public boolean isZero() {
        return ratePercent.signum() == 0;
    }
}
