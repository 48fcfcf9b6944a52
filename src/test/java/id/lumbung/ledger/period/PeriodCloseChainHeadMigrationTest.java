package id.lumbung.ledger.period;

import static id.lumbung.support.ScratchDatabase.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.lumbung.support.ScratchDatabase;

/**
 * V18 gives each period close made before it the chain head it was made at: the last entry recorded
 * before the close (closing locks the journal head, so nothing was being appended then), or the
 * chain's zero head when the LED had no entry yet. Runs the real migrations on a scratch database,
 * with entries and closes written as they were at V17.
 */
class PeriodCloseChainHeadMigrationTest {

    private static final String ZERO = "0".repeat(64);

    private ScratchDatabase database;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = ScratchDatabase.create("v18");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.drop();
    }

    @Test
    void eachEarlierCloseGetsTheLastEntryRecordedBeforeIt() throws SQLException {
        database.migrateTo("17");
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        List<String> hashes = new ArrayList<>();
        try (Connection c = database.connect()) {
            execute(c, "INSERT INTO district (id, code, name, created_at, created_by) VALUES ('" + UUID.randomUUID()
                    + "', 'KAB-Y', 'Kabupaten Y', now(), 'test')");
            for (UUID led : new UUID[] {busy, quiet}) {
                execute(c, "INSERT INTO led (id, district_id, code, name, village, created_at, created_by) SELECT '"
                        + led + "', id, '" + led.toString().substring(0, 8) + "', 'LED', 'Desa', now(), 'test' "
                        + "FROM district");
            }
            UUID cash = account(c, busy, "1-1100", "ASSET", "DEBIT");
            UUID capital = account(c, busy, "3-1200", "EQUITY", "CREDIT");
            // Three entries recorded on Jan 10, Feb 10 and Mar 10, each chained to the one before.
            String previous = ZERO;
            for (int n = 1; n <= 3; n++) {
                String hash = String.valueOf(n).repeat(64);
                entry(c, busy, n, "2026-0" + n + "-01", "2026-0" + n + "-10T08:00:00Z", hash, previous, cash,
                        capital);
                hashes.add(hash);
                previous = hash;
            }
            close(c, busy, "2025-12-31", "2026-01-05T09:00:00Z");
            close(c, busy, "2026-01-31", "2026-02-05T09:00:00Z");
            close(c, busy, "2026-02-28", "2026-03-15T09:00:00Z");
            close(c, quiet, "2026-01-31", "2026-02-01T09:00:00Z");
        }

        database.migrate();

        try (Connection c = database.connect()) {
            assertEquals(List.of("2025-12-31 0 " + ZERO, "2026-01-31 1 " + hashes.get(0),
                    "2026-02-28 3 " + hashes.get(2)), heads(c, busy));
            assertEquals(List.of("2026-01-31 0 " + ZERO), heads(c, quiet));
        }
    }

    private static UUID account(Connection c, UUID led, String code, String type, String side) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO account (led_id, id, code, name, type, contra, "
                + "normal_side, no_negative, created_at, created_by) VALUES (?, ?, ?, ?, ?, false, ?, false, now(), "
                + "'test')")) {
            insert.setObject(1, led);
            insert.setObject(2, id);
            insert.setString(3, code);
            insert.setString(4, code);
            insert.setString(5, type);
            insert.setString(6, side);
            insert.executeUpdate();
        }
        return id;
    }

    /** One balanced entry and its two postings in one transaction, as the service writes them. */
    private static void entry(Connection c, UUID led, int number, String effective, String recorded, String hash,
            String previous, UUID debit, UUID credit) throws SQLException {
        UUID id = UUID.randomUUID();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO journal_entry (led_id, id, number, "
                + "effective_date, recorded_at, recorded_by, kind, description, hash, previous_hash) VALUES (?, ?, ?, "
                + "?::date, ?::timestamptz, 'test', 'CONTRIBUTION', 'Swadaya', ?, ?)")) {
            insert.setObject(1, led);
            insert.setObject(2, id);
            insert.setLong(3, number);
            insert.setString(4, effective);
            insert.setString(5, recorded);
            insert.setString(6, hash);
            insert.setString(7, previous);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO posting (led_id, entry_id, line, account_id, "
                + "side, amount, entry_number, effective_date) VALUES (?, ?, ?, ?, ?, 1000.00, ?, ?::date)")) {
            for (int line = 1; line <= 2; line++) {
                insert.setObject(1, led);
                insert.setObject(2, id);
                insert.setInt(3, line);
                insert.setObject(4, line == 1 ? debit : credit);
                insert.setString(5, line == 1 ? "DEBIT" : "CREDIT");
                insert.setLong(6, number);
                insert.setString(7, effective);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static void close(Connection c, UUID led, String through, String closedAt) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO period_close (led_id, through, closed_at, "
                + "closed_by) VALUES (?, ?::date, ?::timestamptz, 'test')")) {
            insert.setObject(1, led);
            insert.setString(2, through);
            insert.setString(3, closedAt);
            insert.executeUpdate();
        }
    }

    private static List<String> heads(Connection c, UUID led) throws SQLException {
        List<String> heads = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT through, chain_number, chain_hash FROM period_close WHERE led_id = ? ORDER BY through")) {
            select.setObject(1, led);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    heads.add(row.getString(1) + " " + row.getLong(2) + " " + row.getString(3));
                }
            }
        }
        return heads;
    }
}
