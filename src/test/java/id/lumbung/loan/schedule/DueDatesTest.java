package id.lumbung.loan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Due dates: monthly ones counted from the disbursement day and held to the month's end, weekly every 7 days. */
class DueDatesTest {

    @Test
    void monthlyFromJanuaryThirtyFirstHoldsToMonthEnds() {
        LocalDate jan31 = LocalDate.of(2026, 1, 31);
        assertEquals(LocalDate.of(2026, 2, 28), DueDates.dueOn(Frequency.MONTHLY, jan31, 1));
        assertEquals(LocalDate.of(2026, 3, 31), DueDates.dueOn(Frequency.MONTHLY, jan31, 2));
        assertEquals(LocalDate.of(2026, 4, 30), DueDates.dueOn(Frequency.MONTHLY, jan31, 3));
        assertEquals(LocalDate.of(2026, 5, 31), DueDates.dueOn(Frequency.MONTHLY, jan31, 4));
    }

    @Test
    void monthlyInALeapYearFallsOnFebruaryTwentyNinth() {
        LocalDate jan31 = LocalDate.of(2028, 1, 31);
        assertEquals(LocalDate.of(2028, 2, 29), DueDates.dueOn(Frequency.MONTHLY, jan31, 1));
        assertEquals(LocalDate.of(2028, 3, 31), DueDates.dueOn(Frequency.MONTHLY, jan31, 2));
        assertEquals(LocalDate.of(2028, 4, 30), DueDates.dueOn(Frequency.MONTHLY, jan31, 3));
    }

    @Test
    void monthlyAcrossTheYearEnd() {
        LocalDate nov30 = LocalDate.of(2026, 11, 30);
        assertEquals(LocalDate.of(2026, 12, 30), DueDates.dueOn(Frequency.MONTHLY, nov30, 1));
        assertEquals(LocalDate.of(2027, 1, 30), DueDates.dueOn(Frequency.MONTHLY, nov30, 2));
        assertEquals(LocalDate.of(2027, 2, 28), DueDates.dueOn(Frequency.MONTHLY, nov30, 3));
        assertEquals(LocalDate.of(2027, 3, 30), DueDates.dueOn(Frequency.MONTHLY, nov30, 4));
    }

    @Test
    void weeklyEverySevenDays() {
        LocalDate disbursed = LocalDate.of(2026, 2, 26);
        assertEquals(LocalDate.of(2026, 3, 5), DueDates.dueOn(Frequency.WEEKLY, disbursed, 1));
        assertEquals(LocalDate.of(2026, 3, 12), DueDates.dueOn(Frequency.WEEKLY, disbursed, 2));
        assertEquals(LocalDate.of(2026, 12, 31), DueDates.dueOn(Frequency.WEEKLY, disbursed, 44));
        assertEquals(LocalDate.of(2036, 2, 14), DueDates.dueOn(Frequency.WEEKLY, disbursed, 520));
    }

    @Test
    void refusesANegativeInstallmentNumber() {
        assertThrows(IllegalArgumentException.class,
                () -> DueDates.dueOn(Frequency.WEEKLY, LocalDate.of(2026, 1, 1), -1));
    }
}
