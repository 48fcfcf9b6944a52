package id.lumbung.audit;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The audit trail is append-only in the database too: the service's role may not update, delete or
 * truncate it, triggers refuse it even when privileges are granted back, an event out of the chain
 * cannot be inserted, and what the owner changes behind the service's back breaks the chain's
 * verification at that event.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class AuditImmutabilityTest {

    /** An SQL attack that must be refused. */
    @FunctionalInterface
    private interface Sql {
        void run(Connection connection) throws SQLException;
    }

    @Test
    void serviceRoleCannotUpdateDeleteOrTruncateTheTrail() {
        UUID led = ledWithEvents(2);
        String before = stored(led);
        refused(c -> update(c, "UPDATE audit_event SET actor = 'mallory' WHERE led_id = ?", led));
        refused(c -> update(c, "DELETE FROM audit_event WHERE led_id = ? AND sequence = 2", led));
        refused(c -> execute(c, "TRUNCATE audit_event"));
        assertEquals(before, stored(led));
        assertPrivilegesAndTriggersIntact();
        verification(led).body("valid", equalTo(true)).body("events", equalTo(2));
    }

    @Test
    void triggersRefuseChangesEvenWhenTheOwnerGrantsItselfThePrivileges() throws SQLException {
        UUID led = ledWithEvents(1);
        String before = stored(led);
        for (String attack : new String[] {
                "UPDATE audit_event SET changes = '{}' WHERE led_id = ?",
                "DELETE FROM audit_event WHERE led_id = ?"}) {
            try (Connection owner = Db.connect()) {
                owner.setAutoCommit(false);
                execute(owner, "GRANT UPDATE, DELETE ON audit_event TO CURRENT_USER");
                SQLException refused = assertThrows(SQLException.class, () -> update(owner, attack, led), attack);
                assertTrue(refused.getMessage().contains("immutable"), refused.getMessage());
                owner.rollback();
            }
        }
        assertEquals(before, stored(led));
        assertPrivilegesAndTriggersIntact();
    }

    @Test
    void anEventOutOfTheChainIsRefused() {
        UUID led = ledWithEvents(1);
        String head = Db.text("SELECT hash FROM audit_event WHERE led_id = ? AND sequence = 1", led);
        // A gap in the sequence, and a link to the wrong predecessor.
        refused(c -> insert(c, led, 3, head));
        refused(c -> insert(c, led, 2, "f".repeat(64)));
        assertEquals(1, Db.number("SELECT count(*) FROM audit_event WHERE led_id = ?", led));
    }

    @Test
    void verificationReportsAnEventAlteredOrDeletedBehindTheServicesBack() throws SQLException {
        UUID led = ledWithEvents(3);
        verification(led).body("valid", equalTo(true)).body("events", equalTo(3));
        asOwner("UPDATE audit_event SET changes = '{\"phone\":{\"old\":null,\"new\":\"0\"}}'"
                + " WHERE led_id = ? AND sequence = 2", led);
        assertPrivilegesAndTriggersIntact();
        verification(led).body("valid", equalTo(false)).body("firstBrokenSequence", equalTo(2))
                .body("reason", equalTo("hash-mismatch"));

        UUID other = ledWithEvents(3);
        asOwner("DELETE FROM audit_event WHERE led_id = ? AND sequence = 3", other);
        verification(other).body("valid", equalTo(false)).body("events", equalTo(2))
                .body("firstBrokenSequence", equalTo(3)).body("reason", equalTo("head-mismatch"));
    }

    // --- helpers

    /** A fresh LED with {@code count} audit events (settings replaced {@code count} times). */
    private static UUID ledWithEvents(int count) {
        UUID led = Api.createLed();
        for (int i = 1; i <= count; i++) {
            as(Tokens.manager(led)).body(Map.of("approvalThreshold", i + "000000"))
                    .put(base(led) + "/settings/lending").then().statusCode(200);
        }
        return led;
    }

    private static ValidatableResponse verification(UUID led) {
        return as(Tokens.auditor(led)).get(base(led) + "/audit/verification").then().statusCode(200);
    }

    private static String stored(UUID led) {
        return Db.text("SELECT string_agg(sequence || actor || action || changes || hash, '|' ORDER BY sequence)"
                + " FROM audit_event WHERE led_id = ?", led);
    }

    private static void insert(Connection connection, UUID led, long sequence, String previous) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO audit_event (led_id, sequence, at, actor, role, action, changes, outcome, hash, prev_hash)
                VALUES (?, ?, now(), 'mallory', 'led-manager', 'period.closed', '{}', 'DONE', ?, ?)""")) {
            statement.setObject(1, led);
            statement.setLong(2, sequence);
            statement.setString(3, "a".repeat(64));
            statement.setString(4, previous);
            statement.executeUpdate();
        }
    }

    /** Runs an attack as the service's role in its own transaction and asserts the database refused it. */
    private static void refused(Sql attack) {
        try (Connection connection = Db.connect()) {
            connection.setAutoCommit(false);
            assertThrows(SQLException.class, () -> {
                attack.run(connection);
                connection.commit();
            });
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tampers as the table owner would: triggers off and privileges back for one statement, then restored. */
    private static void asOwner(String tamper, UUID led) throws SQLException {
        try (Connection owner = Db.connect()) {
            owner.setAutoCommit(false);
            execute(owner, "ALTER TABLE audit_event DISABLE TRIGGER audit_event_immutable");
            execute(owner, "GRANT UPDATE, DELETE ON audit_event TO CURRENT_USER");
            update(owner, tamper, led);
            execute(owner, "ALTER TABLE audit_event ENABLE TRIGGER audit_event_immutable");
            execute(owner, "REVOKE UPDATE, DELETE ON audit_event FROM CURRENT_USER");
            owner.commit();
        }
    }

    private static void assertPrivilegesAndTriggersIntact() {
        for (String privilege : new String[] {"UPDATE", "DELETE", "TRUNCATE"}) {
            assertEquals(0, Db.number("SELECT has_table_privilege('audit_event', ?)::int", privilege), privilege);
        }
        assertEquals(1, Db.number("SELECT has_table_privilege('audit_event', 'INSERT')::int"));
        assertEquals(0, Db.number("SELECT count(*) FROM pg_trigger WHERE tgname IN ('audit_event_immutable',"
                + " 'audit_event_no_truncate', 'audit_event_follows_chain') AND tgenabled <> 'O'"));
        assertEquals(3, Db.number("SELECT count(*) FROM pg_trigger WHERE tgname IN ('audit_event_immutable',"
                + " 'audit_event_no_truncate', 'audit_event_follows_chain')"));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int update(Connection connection, String sql, UUID led) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, led);
            return statement.executeUpdate();
        }
    }
}
