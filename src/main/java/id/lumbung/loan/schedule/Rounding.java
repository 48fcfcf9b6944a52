package id.lumbung.loan.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Set;

import id.lumbung.money.Amount;

/**
 * How an LED rounds loan amounts: to a multiple of {@code step} (1, 100, 500, 1,000 rupiah …) in one of the
 * modes a clerk can explain — half up, always up, always down.
 *
 * <p>Every rounding is done on the exact value in one step (BigDecimal division to scale 0 in the mode), so
 * there is never a second, hidden rounding.
 */
public record Rounding(BigDecimal step, RoundingMode mode) {

    // Before WHOLE_RUPIAH, whose construction checks its mode against it.
    private static final Set<RoundingMode> MODES = Set.of(RoundingMode.HALF_UP, RoundingMode.UP, RoundingMode.DOWN);

    /** Whole rupiah, half up: the default when an LED sets nothing. */
    public static final Rounding WHOLE_RUPIAH = new Rounding(BigDecimal.ONE, RoundingMode.HALF_UP);

    public Rounding {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(mode, "mode");
        if (step.signum() <= 0 || step.stripTrailingZeros().scale() > Amount.SCALE) {
            throw new IllegalArgumentException(
                    "a rounding step is positive with at most two decimals: " + step.toPlainString());
        }
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("rounding mode must be HALF_UP, UP or DOWN, not " + mode);
        }
    }

    /** The multiple of the step nearest {@code exact} in this mode, at scale 2. */
    public BigDecimal round(BigDecimal exact) {
        return roundQuotient(exact, BigDecimal.ONE);
    }

    /** The largest multiple of the step not above {@code exact} (toward zero), at scale 2. */
    public BigDecimal roundDown(BigDecimal exact) {
        return roundDownQuotient(exact, BigDecimal.ONE);
    }

    /** {@code dividend / divisor} rounded to the step in this mode, without rounding the quotient first. */
    public BigDecimal roundQuotient(BigDecimal dividend, BigDecimal divisor) {
        return toStep(dividend, divisor, mode);
    }

    /** {@code dividend / divisor} rounded down to the step, without rounding the quotient first. */
    public BigDecimal roundDownQuotient(BigDecimal dividend, BigDecimal divisor) {
        return toStep(dividend, divisor, RoundingMode.DOWN);
    }

    /** Whether {@code value} is a whole multiple of the step. */
    public boolean isMultiple(BigDecimal value) {
        return value.remainder(step).signum() == 0;
    }

    private BigDecimal toStep(BigDecimal dividend, BigDecimal divisor, RoundingMode roundingMode) {
        // divide(…, 0, mode) is the exactly rounded quotient: no intermediate MathContext rounding.
        BigDecimal steps = dividend.divide(divisor.multiply(step), 0, roundingMode);
        return steps.multiply(step).setScale(Amount.SCALE, RoundingMode.UNNECESSARY);
    }
}
