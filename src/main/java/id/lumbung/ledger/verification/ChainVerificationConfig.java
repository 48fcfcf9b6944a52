package id.lumbung.ledger.verification;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The scheduled chain verification ({@code lumbung.chain-verification.*}). The scheduler reads
 * {@code cron} and {@code time-zone} itself from the same properties (application.properties sets
 * them); this mapping documents and validates them at startup.
 */
@ConfigMapping(prefix = "lumbung.chain-verification")
public interface ChainVerificationConfig {

    /**
     * Whether the scheduled run verifies anything. Default true; off in the test profile, where a
     * test calls {@link ChainVerificationJob#verifyAll} itself. Turning it off leaves the stored
     * results as they are, growing older (the LumbungChainVerificationStale alert notices).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * When the run starts: a Quartz-style cron (second minute hour day-of-month month day-of-week),
     * read in {@link #timeZone()}. Default {@code 0 30 1 * * ?}, 01:30 every night, when villages
     * post least.
     */
    @WithDefault("0 30 1 * * ?")
    String cron();

    /**
     * The zone the cron is read in, not the server's (a container's is usually UTC, where 01:30
     * would be 08:30 in Kampar). Default the LEDs' own zone, {@code lumbung.ledger.zone}.
     */
    @WithDefault("Asia/Jakarta")
    ZoneId timeZone();
}
