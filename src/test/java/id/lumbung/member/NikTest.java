package id.lumbung.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The NIK rules, as plain unit tests. */
class NikTest {

    private static final LocalDate SITI_BORN = LocalDate.of(1990, 7, 5);
    private static final LocalDate AHMAD_BORN = LocalDate.of(1985, 3, 12);

    @Test
    void acceptsAWomanWithFortyAddedToTheDay() {
        Nik nik = Nik.of("1406014507900003", Gender.F, SITI_BORN);
        assertEquals("1406014507900003", nik.value());
    }

    @Test
    void acceptsAMan() {
        assertNull(Nik.problem("1406011203850002", Gender.M, AHMAD_BORN));
    }

    @Test
    void masksAllButRegionAndSerial() {
        Nik nik = Nik.of("1406014507900003", Gender.F, SITI_BORN);
        assertEquals("140601******0003", nik.masked());
        assertEquals("140601******0003", nik.toString());
    }

    @Test
    void refusesWrongLength() {
        assertEquals("must be exactly 16 digits (found 15)", Nik.problem("140601450790000", Gender.F, SITI_BORN));
        assertEquals("must be exactly 16 digits (found 17)", Nik.problem("14060145079000031", Gender.F, SITI_BORN));
        assertEquals("must not be empty", Nik.problem("", Gender.F, SITI_BORN));
    }

    @Test
    void refusesLetters() {
        assertEquals("must contain digits only", Nik.problem("14060145O7900003", Gender.F, SITI_BORN));
        assertEquals("must contain digits only", Nik.problem("1406 14507900003", Gender.F, SITI_BORN));
    }

    @Test
    void refusesADateThatDoesNotExist() {
        String message = "digits 7-12 must encode a real birth date DDMMYY (women add 40 to the day)";
        assertEquals(message, Nik.problem("1406013202900003", null, null)); // 32 February
        assertEquals(message, Nik.problem("1406017202900003", null, null)); // women: 72 - 40 = 32
        assertEquals(message, Nik.problem("1406011513900003", null, null)); // month 13
        assertEquals(message, Nik.problem("1406010007900003", null, null)); // day 0
        assertEquals(message, Nik.problem("1406014007900003", null, null)); // day 40 is neither
        assertEquals(message, Nik.problem("1406013002900003", null, null)); // 30 February
        // 29 February exists in 1900s or 2000s leap years (2000, 1996), not in 1990 or 2090.
        assertNull(Nik.problem("1406012902960003", null, null));
        assertEquals(message, Nik.problem("1406012902900003", null, null));
    }

    @Test
    void refusesGenderThatDisagreesWithTheDay() {
        assertEquals("the day in digits 7-8 is above 40, which marks a woman, but gender is M",
                Nik.problem("1406014507900003", Gender.M, SITI_BORN));
        assertEquals("the day in digits 7-8 is not above 40, which marks a man, but gender is F",
                Nik.problem("1406011203850002", Gender.F, AHMAD_BORN));
    }

    @Test
    void refusesBirthDateThatDisagrees() {
        String message = "the birth date encoded in digits 7-12 does not match birthDate";
        assertEquals(message, Nik.problem("1406014507900003", Gender.F, LocalDate.of(1990, 7, 6)));
        assertEquals(message, Nik.problem("1406014507900003", Gender.F, LocalDate.of(1990, 8, 5)));
        assertEquals(message, Nik.problem("1406014507900003", Gender.F, LocalDate.of(1991, 7, 5)));
        // Only the two-digit year is encoded: 1990 and 2090 both match "90".
        assertNull(Nik.problem("1406014507900003", Gender.F, LocalDate.of(2090, 7, 5)));
    }

    @Test
    void refusesSerialZero() {
        assertEquals("digits 13-16 (serial) must not be 0000", Nik.problem("1406014507900000", Gender.F, SITI_BORN));
    }

    @Test
    void refusesProvinceOutOfRange() {
        String message = "digits 1-2 must be a province code between 11 and 94";
        assertEquals(message, Nik.problem("1006014507900003", Gender.F, SITI_BORN));
        assertEquals(message, Nik.problem("9506014507900003", Gender.F, SITI_BORN));
        assertNull(Nik.problem("1106014507900003", Gender.F, SITI_BORN));
        assertNull(Nik.problem("9406014507900003", Gender.F, SITI_BORN));
    }

    @Test
    void throwsWithTheMessageAndNeverTheNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nik.of("1406014507900000", Gender.F, SITI_BORN));
        assertFalse(e.getMessage().contains("1406014507900000"));
        assertTrue(e.getMessage().contains("serial"));
    }

    /** A valid NIK for tests: region 140601 (Kuok, Kampar, Riau), the date, and a serial. */
    static String nik(Gender gender, LocalDate born, int serial) {
        int day = born.getDayOfMonth() + (gender == Gender.F ? 40 : 0);
        return String.format("140601%02d%02d%02d%04d", day, born.getMonthValue(), born.getYear() % 100, serial);
    }

    @Test
    void testHelperMakesValidNiks() {
        assertEquals("1406014507900003", nik(Gender.F, SITI_BORN, 3));
        assertNull(Nik.problem(nik(Gender.M, AHMAD_BORN, 9999), Gender.M, AHMAD_BORN));
    }
}
