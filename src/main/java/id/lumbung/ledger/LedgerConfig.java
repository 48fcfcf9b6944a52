package id.lumbung.ledger;

import java.time.ZoneId;

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
}
