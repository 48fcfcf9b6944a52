package id.lumbung.ledger.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.lumbung.ledger.journal.VerificationView;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Re-verifies every LED's hash chain on a schedule (issue 15: nightly by default) and stores each
 * result, so a chain changed behind the service's back is found even if no auditor asks: one log line
 * per broken LED naming it and its first broken entry, and the failing-LEDs gauge for the alert.
 *
 * <p>One LED at a time, each in a transaction of its own ({@link VerificationRecorder}): a broken
 * or unreadable LED does not stop the others, and a long run holds no transaction across LEDs.
 * Within a replica a run never overlaps the previous one; across replicas the recorder's lock splits
 * the LEDs between them.
 */
@ApplicationScoped
public class ChainVerificationJob {

    private static final Logger LOG = Logger.getLogger(ChainVerificationJob.class);
    private static final int PAGE = 500;

    /** What one run did. {@code skipped}: left to another replica; {@code errors}: could not be verified. */
    public record Run(int verified, int failing, int skipped, int errors) {
    }

    /** An LED as the run names it in the log: its id and its code (no person's data). */
    private record LedRow(UUID id, String code) {
    }

    private final ChainVerificationConfig config;
    private final VerificationRecorder recorder;
    private final ChainVerificationMetrics metrics;
    private final DataSource dataSource;

    ChainVerificationJob(ChainVerificationConfig config, VerificationRecorder recorder,
            ChainVerificationMetrics metrics, DataSource dataSource) {
        this.config = config;
        this.recorder = recorder;
        this.metrics = metrics;
        this.dataSource = dataSource;
    }

    /**
     * The scheduled run. The cron is read in the configured zone (the LEDs' by default), not the
     * server's. Every replica fires at the same scheduled time, which is the round the recorder
     * compares stored results with.
     */
    @Scheduled(identity = "chain-verification", cron = "{lumbung.chain-verification.cron}",
            timeZone = "{lumbung.chain-verification.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled(ScheduledExecution execution) {
        if (config.enabled()) {
            verifyAll(execution.getScheduledFireTime());
        }
    }

    /**
     * Verifies every LED not verified since {@code round} (by another replica), in the order of their
     * ids, and renews the gauges. Public so that a test (or an operator's tool) can run it at once.
     */
    public Run verifyAll(Instant round) {
        Instant started = Instant.now();
        int verified = 0;
        int failing = 0;
        int skipped = 0;
        int errors = 0;
        UUID after = new UUID(0, 0);
        List<LedRow> page;
        do {
            page = leds(after);
            for (LedRow led : page) {
                Optional<VerificationView> result;
                try {
                    result = recorder.verify(led.id(), round);
                } catch (RuntimeException e) {
                    errors++;
                    // The SQL state or exception type only: a message could quote a row.
                    LOG.warnf("chain verification of LED %s (%s) could not run: %s", led.code(), led.id(),
                            cause(e));
                    continue;
                }
                if (result.isEmpty()) {
                    skipped++;
                    continue;
                }
                verified++;
                VerificationView found = result.get();
                if (!found.valid()) {
                    failing++;
                    LOG.errorf("journal hash chain of LED %s (%s) is broken: first broken entry %d (%s), "
                            + "%d entries checked", led.code(), led.id(), found.firstBrokenNumber(), found.reason(),
                            found.entries());
                }
            }
            if (!page.isEmpty()) {
                after = page.getLast().id();
            }
        } while (page.size() == PAGE);
        metrics.refresh();
        Run run = new Run(verified, failing, skipped, errors);
        LOG.infof("chain verification: %d LEDs verified in %d ms, %d broken, %d left to another instance, %d failed",
                verified, Duration.between(started, Instant.now()).toMillis(), failing, skipped, errors);
        return run;
    }

    /** The first SQL state in the causes, else the exception's type: never its message. */
    private static String cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return "SQL state " + sql.getSQLState();
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** The next page of LEDs after {@code after}, read on a connection of its own that is closed at once. */
    private List<LedRow> leds(UUID after) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, code FROM led WHERE id > ? ORDER BY id LIMIT ?")) {
            statement.setObject(1, after);
            statement.setInt(2, PAGE);
            List<LedRow> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new LedRow(rows.getObject(1, UUID.class), rows.getString(2)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("listing LEDs failed: SQL state " + e.getSQLState(), e);
        }
    }
}
