package id.lumbung.loan.schedule;

import java.math.BigDecimal;

/**
 * The amount every installment but the last carries when a total is spread evenly, the last taking
 * the rest.
 *
 * <p>The LED's mode is used unless it would leave the last one negative: 100,000 over 40 at a step of
 * 1,000 half up is 2,500 → 3,000, and 39 × 3,000 = 117,000 is more than there is; rounded down, 2,000 × 39
 * leaves 22,000 for the last. Rounded down it never overshoots, since 39 × 2,000 ≤ 39 × 2,500.
 */
final class EvenShare {

    private EvenShare() {
    }

    /** The share of each of {@code count} installments but the last: {@code inMode} if it fits in {@code total}. */
    static BigDecimal of(BigDecimal inMode, BigDecimal roundedDown, int count, BigDecimal total) {
        BigDecimal others = BigDecimal.valueOf(count - 1L);
        return inMode.multiply(others).compareTo(total) <= 0 ? inMode : roundedDown;
    }

    /** {@code total / count} rounded as above. */
    static BigDecimal split(BigDecimal total, int count, Rounding rounding) {
        BigDecimal n = BigDecimal.valueOf(count);
        return of(rounding.roundQuotient(total, n), rounding.roundDownQuotient(total, n), count, total);
    }
}
