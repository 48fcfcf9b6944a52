package id.lumbung.ledger.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import id.lumbung.ledger.journal.ChainVerifier;
import id.lumbung.ledger.journal.VerificationView;
import id.lumbung.platform.hash.Sha256;
import id.lumbung.platform.time.Timestamps;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Verifies one LED's chain and stores the result, in one repeatable-read transaction of its own: the
 * stored result describes exactly the snapshot that was walked, a broken or failing LED leaves the
 * others' results alone, and nothing is held from one LED to the next.
 *
 * <p>Several replicas run the same cron. A transaction-scoped advisory lock per LED keeps two of them
 * from walking one journal at once (the one that does not get it leaves the LED to the one that did),
 * and a result already stored at or after the run's scheduled time means another replica has done
 * the LED this round. The lock is taken in the verifying transaction, not on a connection held
 * across transactions, so the run takes one pool connection at a time like every request.
 */
@ApplicationScoped
class VerificationRecorder {

    /** Serialization failure: another replica stored this LED after this snapshot began. */
    private static final String SERIALIZATION_FAILURE = "40001";

    private static final String UPSERT = """
            INSERT INTO chain_verification AS v (led_id, verified_at, valid, entries, head_number, head_hash,
                   first_broken_number, reason, last_valid_at, broken_since)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?,
                    CASE WHEN ? THEN ?::timestamptz END, CASE WHEN NOT ? THEN ?::timestamptz END)
            ON CONFLICT (led_id) DO UPDATE SET
                   verified_at = excluded.verified_at, valid = excluded.valid, entries = excluded.entries,
                   head_number = excluded.head_number, head_hash = excluded.head_hash,
                   first_broken_number = excluded.first_broken_number, reason = excluded.reason,
                   last_valid_at = coalesce(excluded.last_valid_at, v.last_valid_at),
                   broken_since = CASE WHEN excluded.valid THEN NULL
                                       ELSE coalesce(v.broken_since, excluded.broken_since) END""";

    private final DataSource dataSource;
    private final ChainVerifier verifier;
    private final TransactionManager transactions;

    VerificationRecorder(DataSource dataSource, ChainVerifier verifier, TransactionManager transactions) {
        this.dataSource = dataSource;
        this.verifier = verifier;
        this.transactions = transactions;
    }

    /**
     * Verifies the LED and stores the result; empty when another replica is verifying it now or has
     * verified it since {@code round} began (nothing is written then). The timeout leaves a journal of
     * millions of entries time to be walked; the snapshot only holds back vacuum meanwhile.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 1800)
    public Optional<VerificationView> verify(UUID ledId, Instant round) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            }
            if (!lock(connection, ledId) || verifiedSince(connection, ledId, round)) {
                return Optional.empty();
            }
            Instant verifiedAt = Timestamps.now();
            VerificationView result = verifier.check(ledId);
            try {
                store(connection, ledId, verifiedAt, result);
            } catch (SQLException e) {
                if (!SERIALIZATION_FAILURE.equals(e.getSQLState())) {
                    throw e;
                }
                // Another replica took the lock just as this snapshot began, and stored its result.
                transactions.setRollbackOnly();
                return Optional.empty();
            }
            return Optional.of(result);
        } catch (SQLException | SystemException e) {
            throw new IllegalStateException("storing a chain verification failed: " + sqlState(e), e);
        }
    }

    /** The lock of one LED's verification; package-private so a test can hold it like another replica. */
    static long lockId(UUID ledId) {
        return Long.parseUnsignedLong(Sha256.hex("chain-verification\n" + ledId).substring(0, 16), 16);
    }

    private static boolean lock(Connection connection, UUID ledId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, lockId(ledId));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static boolean verifiedSince(Connection connection, UUID ledId, Instant round) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM chain_verification WHERE led_id = ? AND verified_at >= ?")) {
            statement.setObject(1, ledId);
            statement.setObject(2, utc(round));
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void store(Connection connection, UUID ledId, Instant verifiedAt, VerificationView result)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            OffsetDateTime at = utc(verifiedAt);
            statement.setObject(1, ledId);
            statement.setObject(2, at);
            statement.setBoolean(3, result.valid());
            statement.setLong(4, result.entries());
            statement.setObject(5, result.head() == null ? null : result.head().number(), Types.BIGINT);
            statement.setString(6, result.head() == null ? null : result.head().hash());
            statement.setObject(7, result.firstBrokenNumber(), Types.BIGINT);
            statement.setString(8, result.reason());
            statement.setBoolean(9, result.valid());
            statement.setObject(10, at);
            statement.setBoolean(11, result.valid());
            statement.setObject(12, at);
            statement.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String sqlState(Exception e) {
        return e instanceof SQLException sql ? "SQL state " + sql.getSQLState() : e.getClass().getSimpleName();
    }
}
