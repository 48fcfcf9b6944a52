package id.lumbung.ledger.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.ledger.journal.VerificationView;

/** Reads the stored results of the scheduled chain verification: one row per LED, never a journal. */
@ApplicationScoped
public class VerificationRecords {

    /** What the gauges show: LEDs failing, and the oldest moment up to which every LED's chain is known. */
    public record Summary(long failing, Instant oldest) {
    }

    private static final String COLUMNS = """
            SELECT l.id, l.code, l.name, v.verified_at, v.valid, v.entries, v.head_number, v.head_hash,
                   v.first_broken_number, v.reason, v.last_valid_at, v.broken_since
              FROM led l LEFT JOIN chain_verification v ON v.led_id = l.id""";

    private final DataSource dataSource;

    VerificationRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The LED's latest stored result (the LED exists: the caller's access was checked on it). */
    @Transactional
    public StoredVerificationView latest(UUID ledId) {
        List<StoredVerificationView> found = query(COLUMNS + " WHERE l.id = ?", ledId);
        if (found.isEmpty()) {
            throw new IllegalStateException("LED " + ledId + " vanished");
        }
        return found.getFirst();
    }

    /** Every LED of the district with its latest stored result, by code. */
    @Transactional
    public DistrictVerificationView district(UUID districtId) {
        return DistrictVerificationView.of(districtId,
                query(COLUMNS + " WHERE l.district_id = ? ORDER BY l.code", districtId));
    }

    /**
     * LEDs whose latest result is broken, and the oldest of every LED's latest verification; an LED
     * never verified counts from its opening (its chain was empty, and valid, then). O(LEDs), no journal.
     */
    @Transactional
    public Summary summary() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT count(*) FILTER (WHERE NOT v.valid), min(coalesce(v.verified_at, l.created_at))
                          FROM led l LEFT JOIN chain_verification v ON v.led_id = l.id""");
                ResultSet row = statement.executeQuery()) {
            row.next();
            OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
            return new Summary(row.getLong(1), oldest == null ? null : oldest.toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("reading chain verifications failed: SQL state " + e.getSQLState(), e);
        }
    }

    private List<StoredVerificationView> query(String sql, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            List<StoredVerificationView> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("reading chain verifications failed: SQL state " + e.getSQLState(), e);
        }
    }

    private static StoredVerificationView read(ResultSet row) throws SQLException {
        Instant verifiedAt = instant(row, "verified_at");
        VerificationView result = null;
        if (verifiedAt != null) {
            long headNumber = row.getLong("head_number");
            VerificationView.Head head = row.wasNull() ? null
                    : new VerificationView.Head(headNumber, row.getString("head_hash"));
            long broken = row.getLong("first_broken_number");
            Long firstBroken = row.wasNull() ? null : broken;
            result = new VerificationView(row.getBoolean("valid"), row.getLong("entries"), head, firstBroken,
                    row.getString("reason"));
        }
        return new StoredVerificationView(row.getObject("id", UUID.class), row.getString("code"),
                row.getString("name"), verifiedAt, result, instant(row, "last_valid_at"),
                instant(row, "broken_since"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
