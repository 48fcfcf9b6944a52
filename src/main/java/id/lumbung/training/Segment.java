package id.lumbung.training;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;

/**
 * The age group a programme serves and a trainee belongs to (DESIGN §4): youth 18–30 (digital
 * entrepreneurship), adults 31–50 (production skills), elderly 51 and over (managing money). A
 * trainee's segment comes from the age in completed years on the programme's start.
 */
public enum Segment {
    YOUTH,
    ADULT,
    ELDERLY;

    /** The youngest age a programme takes. */
    public static final int MINIMUM_AGE = 18;

    /** The segment of someone {@code age} years old, or null under {@link #MINIMUM_AGE}. */
    public static Segment ofAge(int age) {
        if (age < MINIMUM_AGE) {
            return null;
        }
        return age <= 30 ? YOUTH : age <= 50 ? ADULT : ELDERLY;
    }

    /**
     * Completed years from {@code birthDate} to {@code on}. Someone born on 29 February has their
     * birthday on 1 March in a year without one: they turn 18 on 1 March, not on 28 February (the
     * civil reading; {@code LocalDate.withYear} would move it to the 28th).
     */
    public static int completedYears(LocalDate birthDate, LocalDate on) {
        int years = on.getYear() - birthDate.getYear();
        MonthDay birthday = MonthDay.from(birthDate);
        if (birthday.equals(MonthDay.of(Month.FEBRUARY, 29)) && !on.isLeapYear()) {
            birthday = MonthDay.of(Month.MARCH, 1);
        }
        return MonthDay.from(on).isBefore(birthday) ? years - 1 : years;
    }
}
