package id.lumbung.ledger.verification;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The stored results as gauges, for the alerts (k8s/base/monitoring/prometheusrule.yaml): how many
 * LEDs' chains are broken, and how old the oldest LED's latest verification is. Counts only, never an
 * LED as a tag (a series per village); the log and the district view name the LED.
 *
 * <p>Read from the database, not kept from this replica's own run: every replica then shows the
 * same values (the run of one replica covers LEDs another skipped), and a restart loses nothing. A
 * reading is kept for half a minute, about one scrape, and renewed at the end of a run.
 */
@Startup
@ApplicationScoped
public class ChainVerificationMetrics {

    private static final Logger LOG = Logger.getLogger(ChainVerificationMetrics.class);
    private static final Duration KEEP = Duration.ofSeconds(30);

    /** A summary and when it was read. */
    private record Reading(VerificationRecords.Summary summary, Instant readAt) {
    }

    private final VerificationRecords records;
    private volatile Reading reading;

    ChainVerificationMetrics(VerificationRecords records, MeterRegistry registry) {
        this.records = records;
        Gauge.builder("lumbung.chain.verification.failing.leds", this, ChainVerificationMetrics::failing)
                .description("LEDs whose latest scheduled verification found the journal's hash chain broken")
                .register(registry);
        Gauge.builder("lumbung.chain.verification.oldest.timestamp", this, ChainVerificationMetrics::oldest)
                .description("The oldest of every LED's latest chain verification (an LED never verified: its "
                        + "opening), in seconds since the epoch")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Reads the stored results again now: a run has just changed them. */
    void refresh() {
        reading = read();
    }

    private double failing() {
        Reading current = current();
        return current == null ? Double.NaN : current.summary().failing();
    }

    private double oldest() {
        Reading current = current();
        Instant oldest = current == null ? null : current.summary().oldest();
        return oldest == null ? Double.NaN : oldest.toEpochMilli() / 1000.0;
    }

    private Reading current() {
        Reading current = reading;
        if (current == null || current.readAt().plus(KEEP).isBefore(Instant.now())) {
            current = read();
            reading = current;
        }
        return current;
    }

    /** The summary, or null (the gauges show NaN) when the database cannot answer: unknown, not zero. */
    private Reading read() {
        try {
            return new Reading(records.summary(), Instant.now());
        } catch (RuntimeException e) {
            LOG.debugf("reading chain verifications for the gauges failed: %s", e.getClass().getSimpleName());
            return null;
        }
    }
}
