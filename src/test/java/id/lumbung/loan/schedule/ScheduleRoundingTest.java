package id.lumbung.loan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

/** Rounding to a step in a mode, and the rates per installment period that interest is computed from. */
class ScheduleRoundingTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void roundsToAMultipleOfTheStepInItsMode() {
        Rounding halfUp = new Rounding(d("1000"), RoundingMode.HALF_UP);
        assertEquals(d("3000.00"), halfUp.round(d("2500")));
        assertEquals(d("2000.00"), halfUp.round(d("2499.99")));
        assertEquals(d("2000.00"), halfUp.roundDown(d("2999.99")));
        assertEquals(d("3000.00"), new Rounding(d("1000"), RoundingMode.UP).round(d("2000.01")));
        assertEquals(d("2000.00"), new Rounding(d("1000"), RoundingMode.DOWN).round(d("2999.99")));
        assertEquals(d("500.00"), new Rounding(d("500"), RoundingMode.HALF_UP).round(d("749.99")));
        assertEquals(d("1000.00"), new Rounding(d("500"), RoundingMode.HALF_UP).round(d("750")));
        assertEquals(d("2485.00"), Rounding.WHOLE_RUPIAH.round(d("2484.5")));
        assertEquals(d("0.05"), new Rounding(d("0.05"), RoundingMode.HALF_UP).round(d("0.074")));
    }

    @Test
    void roundsAQuotientOnceFromTheExactValue() {
        // 1 / 3 half up at step 1 is 0; 2 / 3 is 1 — no intermediate DECIMAL128 quotient is rounded first.
        assertEquals(d("0.00"), Rounding.WHOLE_RUPIAH.roundQuotient(d("1"), d("3")));
        assertEquals(d("1.00"), Rounding.WHOLE_RUPIAH.roundQuotient(d("2"), d("3")));
        assertEquals(d("1.00"), new Rounding(d("1"), RoundingMode.UP).roundQuotient(d("1"), d("3")));
    }

    @Test
    void refusesStepsAndModesAnLedCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> new Rounding(d("0"), RoundingMode.HALF_UP));
        assertThrows(IllegalArgumentException.class, () -> new Rounding(d("-1"), RoundingMode.HALF_UP));
        assertThrows(IllegalArgumentException.class, () -> new Rounding(d("0.001"), RoundingMode.HALF_UP));
        assertThrows(IllegalArgumentException.class, () -> new Rounding(d("1"), RoundingMode.HALF_EVEN));
        assertThrows(IllegalArgumentException.class, () -> new Rounding(d("1"), RoundingMode.CEILING));
        assertEquals(d("1.50"), new Rounding(d("1.500"), RoundingMode.DOWN).round(d("1.6")));
    }

    @Test
    void ratePerInstallmentPeriod() {
        assertEquals(0, d("0.015").compareTo(rate("1.5", RatePeriod.MONTH, Frequency.MONTHLY).decimal()));
        assertEquals(0, d("0.01").compareTo(rate("12", RatePeriod.YEAR, Frequency.MONTHLY).decimal()));
        assertEquals(0, d("0.0025").compareTo(rate("13", RatePeriod.YEAR, Frequency.WEEKLY).decimal()));
        // 1.3 % a month paid weekly: 0.013 × 12 / 52 = 0.003.
        assertEquals(0, d("0.003").compareTo(rate("1.3", RatePeriod.MONTH, Frequency.WEEKLY).decimal()));
    }

    @Test
    void aMonthlyRatePaidWeeklyIsDividedOnceAtTheEnd() {
        PeriodRate rate = rate("1", RatePeriod.MONTH, Frequency.WEEKLY);
        // 1,300,000 × 0.01 × 12 / 52 = 3,000 exactly; a rounded 12/52 would miss it.
        assertEquals(0, d("3000").compareTo(rate.interestOn(d("1300000"))));
        assertEquals(d("3000.00"), rate.interestOn(d("1300000"), Rounding.WHOLE_RUPIAH));
        assertEquals(d("2307.69"), rate.interestOn(d("1000000")).setScale(2, RoundingMode.HALF_UP));
        assertEquals(d("2308.00"), rate.interestOn(d("1000000"), Rounding.WHOLE_RUPIAH));
    }

    @Test
    void zeroRate() {
        PeriodRate zero = rate("0", RatePeriod.YEAR, Frequency.WEEKLY);
        assertEquals(true, zero.isZero());
        assertEquals(0, BigDecimal.ZERO.compareTo(zero.interestOn(d("1000000"))));
        assertThrows(IllegalArgumentException.class, () -> rate("-1", RatePeriod.YEAR, Frequency.WEEKLY));
    }

    private static PeriodRate rate(String percent, RatePeriod period, Frequency frequency) {
        return new PeriodRate(d(percent), period, frequency);
    }
}
