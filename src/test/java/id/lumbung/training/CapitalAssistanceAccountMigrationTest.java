package id.lumbung.training;

import static id.lumbung.support.ScratchDatabase.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.support.ScratchDatabase;

/**
 * V16 gives the LEDs that exist a CAPITAL_ASSISTANCE_EXPENSE account the way V9 added recovery
 * income: at 5-1500 where free, else the next free code of its group, never an account the LED made
 * itself. Runs the real migrations on a scratch database.
 */
class CapitalAssistanceAccountMigrationTest {

    private ScratchDatabase database;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = ScratchDatabase.create("v16");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.drop();
    }

    @Test
    void existingLedsGetACapitalAssistanceAccountAtAFreeCodeOfTheirOwn() throws SQLException {
        database.migrateTo("15");
        UUID plain = UUID.randomUUID();
        UUID crowded = UUID.randomUUID();
        try (Connection c = database.connect()) {
            execute(c, "INSERT INTO district (id, code, name, created_at, created_by) "
                    + "VALUES ('" + UUID.randomUUID() + "', 'KAB-X', 'Kabupaten X', now(), 'test')");
            for (UUID led : new UUID[] {plain, crowded}) {
                execute(c, "INSERT INTO led (id, district_id, code, name, village, created_at, created_by) "
                        + "SELECT '" + led + "', id, '" + led.toString().substring(0, 8) + "', 'LED', 'Desa', now(), "
                        + "'test' FROM district");
                for (AccountPurpose purpose : AccountPurpose.values()) {
                    if (purpose != AccountPurpose.CAPITAL_ASSISTANCE_EXPENSE) {
                        insertAccount(c, led, purpose.defaultCode(), purpose.defaultName(), purpose.name());
                    }
                }
            }
            // The second LED made 5-1500 and 5-1501 itself before capital assistance existed.
            insertAccount(c, crowded, "5-1500", "Beban Sewa Tenda", null);
            insertAccount(c, crowded, "5-1501", "Beban Konsumsi Rapat", null);
        }

        database.migrate();

        try (Connection c = database.connect()) {
            assertEquals("5-1500", codeOf(c, plain, "CAPITAL_ASSISTANCE_EXPENSE"));
            assertEquals("5-1502", codeOf(c, crowded, "CAPITAL_ASSISTANCE_EXPENSE"));
            assertNull(purposeOf(c, crowded, "5-1500"), "the LED's own 5-1500 keeps no purpose");
            assertNull(purposeOf(c, crowded, "5-1501"), "the LED's own 5-1501 keeps no purpose");
            assertEquals("EXPENSE", text(c, "SELECT type FROM account WHERE led_id = ? AND code = '5-1502'", crowded));
            assertEquals("Beban Bantuan Modal",
                    text(c, "SELECT name FROM account WHERE led_id = ? AND code = '5-1500'", plain));
        }
    }


    private static void insertAccount(Connection c, UUID led, String code, String name, String purpose)
            throws SQLException {
        AccountPurpose known = purpose == null ? null : AccountPurpose.valueOf(purpose);
        String type = known == null ? "EXPENSE" : known.type().name();
        String side = known == null ? "DEBIT" : known.type().normalSide(known.contra()).name();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO account (led_id, id, code, name, type, "
                + "contra, normal_side, no_negative, purpose, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, "
                + "false, ?, now(), 'test')")) {
            insert.setObject(1, led);
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, code);
            insert.setString(4, name);
            insert.setString(5, type);
            insert.setBoolean(6, known != null && known.contra());
            insert.setString(7, side);
            insert.setString(8, purpose);
            insert.executeUpdate();
        }
    }

    private static String codeOf(Connection c, UUID led, String purpose) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT code FROM account WHERE led_id = ? AND purpose = ?")) {
            select.setObject(1, led);
            select.setString(2, purpose);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static String purposeOf(Connection c, UUID led, String code) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT purpose FROM account WHERE led_id = ? AND code = ?")) {
            select.setObject(1, led);
            select.setString(2, code);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static String text(Connection c, String sql, UUID led) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, led);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
