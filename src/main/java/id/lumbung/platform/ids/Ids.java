package id.lumbung.platform.ids;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * New ids are UUIDv7: time-ordered, so ordering by id is creation order (a stable list order for
 * cursors) and new rows land at the end of their index instead of at random pages.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
