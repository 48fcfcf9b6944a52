package id.lumbung.ledger;

import static id.lumbung.support.ScratchDatabase.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.lumbung.support.ScratchDatabase;

/**
 * V9 gives existing LEDs their account purposes: the accounts their books opened with take theirs,
 * and RECOVERY_INCOME is added at 4-1400 where free, else the next free code of its group, never
 * taking over an account the LED made itself. Runs the real migrations on a scratch database.
 */
class AccountPurposeMigrationTest {

    /** Purposes the LEDs of V8 did not have: migrations add them (V9, V16, V21). */
    private static final java.util.Set<AccountPurpose> ADDED_LATER = java.util.EnumSet.of(
            AccountPurpose.RECOVERY_INCOME, AccountPurpose.CAPITAL_ASSISTANCE_EXPENSE, AccountPurpose.SOCIAL_FUND,
            AccountPurpose.INSTITUTION_FUND, AccountPurpose.SURPLUS_CAPITAL);

    private ScratchDatabase database;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = ScratchDatabase.create("v9");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.drop();
    }

    @Test
    void existingLedsGetPurposesAndARecoveryIncomeAccountAtAFreeCode() throws SQLException {
        database.migrateTo("8");
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
                    if (!ADDED_LATER.contains(purpose)) {
                        insertAccount(c, led, purpose.defaultCode(), purpose.defaultName(), purpose.type());
                    }
                }
            }
            // The second LED made 4-1400 and 4-1401 itself before recovery income existed, and 2-1300 before
            // the social fund (V21).
            insertAccount(c, crowded, "4-1400", "Pendapatan Sewa Tenda", AccountType.INCOME);
            insertAccount(c, crowded, "4-1401", "Pendapatan Sewa Kursi", AccountType.INCOME);
            insertAccount(c, crowded, "2-1300", "Utang Pajak", AccountType.LIABILITY);
        }

        database.migrate();

        try (Connection c = database.connect()) {
            Map<String, String> plainPurposes = purposes(c, plain);
            Map<String, String> crowdedPurposes = purposes(c, crowded);
            assertEquals(AccountPurpose.values().length, plainPurposes.size());
            assertEquals(AccountPurpose.values().length, crowdedPurposes.size());
            for (AccountPurpose purpose : AccountPurpose.values()) {
                if (!ADDED_LATER.contains(purpose)) {
                    assertEquals(purpose.defaultCode(), plainPurposes.get(purpose.name()), purpose.name());
                    assertEquals(purpose.defaultCode(), crowdedPurposes.get(purpose.name()), purpose.name());
                }
            }
            assertEquals("4-1400", plainPurposes.get("RECOVERY_INCOME"));
            assertEquals("4-1402", crowdedPurposes.get("RECOVERY_INCOME"));
            assertEquals("5-1500", plainPurposes.get("CAPITAL_ASSISTANCE_EXPENSE"));
            assertEquals("5-1500", crowdedPurposes.get("CAPITAL_ASSISTANCE_EXPENSE"));
            assertEquals("2-1300", plainPurposes.get("SOCIAL_FUND"));
            assertEquals("2-1301", crowdedPurposes.get("SOCIAL_FUND"));
            assertEquals("2-1400", crowdedPurposes.get("INSTITUTION_FUND"));
            assertEquals("3-1400", crowdedPurposes.get("SURPLUS_CAPITAL"));
            assertNull(purposeOf(c, crowded, "2-1300"), "the LED's own 2-1300 keeps no purpose");
            assertNull(purposeOf(c, crowded, "4-1400"), "the LED's own 4-1400 keeps no purpose");
            assertNull(purposeOf(c, crowded, "4-1401"), "the LED's own 4-1401 keeps no purpose");

            // A purpose stays with its account.
            SQLException moved = assertThrows(SQLException.class, () -> execute(c,
                    "UPDATE account SET purpose = 'OTHER_INCOME' WHERE led_id = '" + plain + "' AND code = '4-1400'"));
            assertEquals("23000", moved.getSQLState());
        }
    }


    private static void insertAccount(Connection c, UUID led, String code, String name, AccountType type)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO account (led_id, id, code, name, type, "
                + "contra, normal_side, no_negative, created_at, created_by) VALUES (?, ?, ?, ?, ?, false, ?, false, "
                + "now(), 'test')")) {
            insert.setObject(1, led);
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, code);
            insert.setString(4, name);
            insert.setString(5, type.name());
            insert.setString(6, type.normalSide(false).name());
            insert.executeUpdate();
        }
    }

    private static Map<String, String> purposes(Connection c, UUID led) throws SQLException {
        Map<String, String> codes = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT purpose, code FROM account WHERE led_id = ? AND purpose IS NOT NULL")) {
            select.setObject(1, led);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    codes.put(row.getString(1), row.getString(2));
                }
            }
        }
        return codes;
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
}
