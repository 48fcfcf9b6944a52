package id.lumbung.platform.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current instant at the precision PostgreSQL stores (microseconds), so that what a POST
 * returns is exactly what a later GET reads back.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
