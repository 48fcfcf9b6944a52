package id.lumbung.ledger;

import java.time.ZoneId;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ledger settings ({@code lumbung.ledger.*}). */
@ConfigMapping(prefix = "lumbung.ledger")
public interface LedgerConfig {

    /**
     * The time zone whose calendar day is "today" for effective dates and period closing. Default
     * Asia/Jakarta (WIB); an LED in Sulawesi or Papua would use Asia/Makassar or Asia/Jayapura.
     */
    @WithDefault("Asia/Jakarta")
    ZoneId zone();

    /** The group commit of entries that stand alone (manual adjustments). */
    GroupCommit groupCommit();

    /** Settings of the group commit ({@code lumbung.ledger.group-commit.*}). */
    interface GroupCommit {

        /**
         * Writer threads, each with its own queue and its own LEDs (an LED always goes to the same
         * writer, so writers never wait for each other). Two let one group execute while another
         * waits for its commit to reach the disk. Default 2.
         */
        @WithDefault("2")
        @Min(1)
        int writers();

        /**
         * Most entries one transaction takes. Entries are never held back to fill a group: a writer
         * takes what has arrived while it was busy, so a quiet service writes groups of one.
         * Default 64.
         */
        @WithDefault("64")
        @Min(1)
        int maxEntries();
    }
}
