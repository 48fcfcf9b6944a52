package id.lumbung.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A national identity number (NIK, Nomor Induk Kependudukan): 16 digits, of which 1–6 are the
 * region (province in 1–2, 11 to 94), 7–12 the birth date DDMMYY with 40 added to the day for
 * women, and 13–16 a serial that is never 0000.
 *
 * <p>Personal data: {@link #toString()} is the masked form, so a NIK that slips into a log line or
 * an exception message shows no more than a clerk's screen does. Messages never echo the number.
 */
public final class Nik {

    public static final int LENGTH = 16;

    private final String digits;

    private Nik(String digits) {
        this.digits = digits;
    }

    /**
     * A NIK that is well-formed and agrees with the member's gender and birth date.
     *
     * @throws IllegalArgumentException with a message fit for the {@code nik} field of a 400
     */
    public static Nik of(String text, Gender gender, LocalDate birthDate) {
        String problem = problem(text, gender, birthDate);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new Nik(text);
    }

    /**
     * What is wrong with {@code text} as the NIK of a person of this gender and birth date, or
     * {@code null} when nothing is. Gender and birth date may be null (checked elsewhere); then only
     * the structure is checked.
     */
    public static String problem(String text, Gender gender, LocalDate birthDate) {
        if (text == null || text.isEmpty()) {
            return "must not be empty";
        }
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "must contain digits only";
        }
        if (text.length() != LENGTH) {
            return "must be exactly 16 digits (found " + text.length() + ")";
        }
        int province = number(text, 0, 2);
        if (province < 11 || province > 94) {
            return "digits 1-2 must be a province code between 11 and 94";
        }
        int encodedDay = number(text, 6, 8);
        int month = number(text, 8, 10);
        int year = number(text, 10, 12);
        boolean woman = encodedDay > 40;
        int day = woman ? encodedDay - 40 : encodedDay;
        if (!realDate(day, month, year)) {
            return "digits 7-12 must encode a real birth date DDMMYY (women add 40 to the day)";
        }
        if (number(text, 12, 16) == 0) {
            return "digits 13-16 (serial) must not be 0000";
        }
        if (gender != null && woman != (gender == Gender.F)) {
            return woman
                    ? "the day in digits 7-8 is above 40, which marks a woman, but gender is M"
                    : "the day in digits 7-8 is not above 40, which marks a man, but gender is F";
        }
        if (birthDate != null && (birthDate.getDayOfMonth() != day || birthDate.getMonthValue() != month
                || birthDate.getYear() % 100 != year)) {
            return "the birth date encoded in digits 7-12 does not match birthDate";
        }
        return null;
    }

    public String value() {
        return digits;
    }

    /** The region code and serial only: {@code 140601******0003}. */
    public String masked() {
        return mask(digits);
    }

    /** Masks any stored NIK the same way. */
    public static String mask(String digits) {
        return digits.substring(0, 6) + "******" + digits.substring(12);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Nik nik && nik.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    /** The two-digit year is ambiguous; 29 February is real if it was a leap year in either century. */
    private static boolean realDate(int day, int month, int year) {
        return real(day, month, 1900 + year) || real(day, month, 2000 + year);
    }

    private static boolean real(int day, int month, int year) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
