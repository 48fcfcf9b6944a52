package id.lumbung.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Age in completed years and the segment it falls in, without a database. */
class SegmentTest {

    @Test
    void countsCompletedYearsAndTheBirthdayItself() {
        LocalDate birth = LocalDate.of(1996, 3, 2);
        assertEquals(29, Segment.completedYears(birth, LocalDate.of(2026, 3, 1)));
        assertEquals(30, Segment.completedYears(birth, LocalDate.of(2026, 3, 2)));
    }

    @Test
    void aLeapDayBirthdayFallsOnTheFirstOfMarchInOtherYears() {
        LocalDate birth = LocalDate.of(2008, 2, 29);
        assertEquals(17, Segment.completedYears(birth, LocalDate.of(2026, 2, 28)));
        assertEquals(18, Segment.completedYears(birth, LocalDate.of(2026, 3, 1)));
        // In a leap year the birthday is the day itself.
        assertEquals(15, Segment.completedYears(birth, LocalDate.of(2024, 2, 28)));
        assertEquals(16, Segment.completedYears(birth, LocalDate.of(2024, 2, 29)));
    }

    @Test
    void segmentsHaveInclusiveBounds() {
        assertNull(Segment.ofAge(17));
        assertEquals(Segment.YOUTH, Segment.ofAge(18));
        assertEquals(Segment.YOUTH, Segment.ofAge(30));
        assertEquals(Segment.ADULT, Segment.ofAge(31));
        assertEquals(Segment.ADULT, Segment.ofAge(50));
        assertEquals(Segment.ELDERLY, Segment.ofAge(51));
        assertEquals(Segment.ELDERLY, Segment.ofAge(90));
    }
}
