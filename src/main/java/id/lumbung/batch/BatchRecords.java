package id.lumbung.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import id.lumbung.platform.idempotency.IdempotencyConfig;
import io.quarkus.scheduler.Scheduled;

/** The stored answers of field batches (table {@code field_batch}), kept as long as idempotency keys. */
@ApplicationScoped
class BatchRecords {

    private static final Logger LOG = Logger.getLogger(BatchRecords.class);

    private final DataSource dataSource;
    private final IdempotencyConfig config;

    BatchRecords(DataSource dataSource, IdempotencyConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Stores a batch's answer in the caller's transaction. */
    void store(UUID ledId, UUID id, String caller, String deviceId, boolean atomic, int operations, String answer) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO field_batch (led_id, id, caller, device_id, atomic, operations, answer, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, now())""")) {
            insert.setObject(1, ledId);
            insert.setObject(2, id);
            insert.setString(3, caller);
            insert.setString(4, deviceId);
            insert.setBoolean(5, atomic);
            insert.setInt(6, operations);
            insert.setString(7, answer);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing a batch failed: SQL state " + e.getSQLState(), e);
        }
    }

    /** A stored batch's answer (JSON) in this LED. */
    @Transactional
    Optional<String> answer(UUID ledId, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT answer FROM field_batch WHERE led_id = ? AND id = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a batch failed: SQL state " + e.getSQLState(), e);
        }
    }

    /** Forgets batches older than the idempotency retention, as their operations' keys are forgotten. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM field_batch WHERE created_at < ?")) {
            delete.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()));
            int purged = delete.executeUpdate();
            if (purged > 0) {
                LOG.infof("purged %d expired field batches", purged);
            }
        } catch (SQLException e) {
            LOG.warnf("purging field batches failed: %s", e.getSQLState());
        }
    }
}
