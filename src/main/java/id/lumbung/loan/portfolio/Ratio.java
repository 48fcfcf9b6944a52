package id.lumbung.loan.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;

import id.lumbung.money.Amount;

/** A share of a whole as the report writes it: a decimal fraction with 4 places, HALF_UP. */
public final class Ratio {

    public static final String NONE = "0.0000";

    private Ratio() {
    }

    /** {@code part ÷ whole}, {@code "0.0000"} when the whole is zero (an empty portfolio is not at risk). */
    public static String of(Amount part, Amount whole) {
        if (!whole.isPositive()) {
            return NONE;
        }
        return part.value().divide(whole.value(), 4, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code part ÷ whole}, or null when nothing was due (a rate of nothing is not 100 %). */
    public static String orNull(BigDecimal part, BigDecimal whole) {
        if (whole.signum() <= 0) {
            return null;
        }
        return part.divide(whole, 4, RoundingMode.HALF_UP).toPlainString();
    }
}
