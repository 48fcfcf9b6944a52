package id.lumbung.statement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.platform.time.Timestamps;

/**
 * Opens the consistent snapshot every statement is read in (STATEMENTS.md §6). Plain JDBC on one
 * pooled connection: the isolation level must be set before the first query, which a JTA-managed
 * connection does not let us do, and a statement never writes.
 */
@ApplicationScoped
public class StatementSnapshots {

    /** The reading a statement does inside its snapshot. */
    @FunctionalInterface
    public interface Work<T> {
        T read(SnapshotReads reads) throws SQLException;
    }

    private final DataSource dataSource;

    public StatementSnapshots(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T read(UUID ledId, Work<T> work) {
        OffsetDateTime generatedAt = OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                T result = work.read(new SnapshotReads(connection, ledId, generatedAt));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a statement failed: " + e.getSQLState(), e);
        }
    }
}
