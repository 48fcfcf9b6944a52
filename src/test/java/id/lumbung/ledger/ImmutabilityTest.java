package id.lumbung.ledger;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.Metrics;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Invariants 1, 2 and 5 at the database: entries and postings cannot be changed through SQL by
 * the service's own role, unbalanced or out-of-chain rows are refused, and what the table owner
 * changes behind the service's back is reported by the chain verification.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ImmutabilityTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();

    /** An SQL attack that must be refused. */
    @FunctionalInterface
    private interface Sql {
        void run(Connection connection) throws SQLException;
    }

    @Test
    void serviceRoleCannotUpdateDeleteOrTruncateEntriesAndPostings() {
        UUID led = ledWithEntries(1);
        String before = storedEntry(led, 1);

        refused(c -> update(c, "UPDATE journal_entry SET description = 'diubah' WHERE led_id = ? AND number = 1", led));
        refused(c -> update(c, "UPDATE journal_entry SET number = 99 WHERE led_id = ?", led));
        refused(c -> update(c, "DELETE FROM journal_entry WHERE led_id = ? AND number = 1", led));
        refused(c -> update(c, "UPDATE posting SET amount = amount + 1 WHERE led_id = ?", led));
        refused(c -> update(c, "DELETE FROM posting WHERE led_id = ?", led));
        refused(c -> execute(c, "TRUNCATE posting"));
        refused(c -> execute(c, "TRUNCATE journal_entry CASCADE"));

        assertEquals(before, storedEntry(led, 1));
        verification(led).body("valid", equalTo(true)).body("entries", equalTo(1));
    }

    @Test
    void triggersRefuseChangesEvenWhenTheOwnerGrantsItselfThePrivileges() throws SQLException {
        UUID led = ledWithEntries(1);
        String before = storedEntry(led, 1);
        for (String attack : new String[] {
                "UPDATE posting SET amount = amount + 1 WHERE led_id = ?",
                "DELETE FROM posting WHERE led_id = ?",
                "UPDATE journal_entry SET description = 'diubah' WHERE led_id = ?",
                "DELETE FROM journal_entry WHERE led_id = ?"}) {
            try (Connection owner = Db.connect()) {
                owner.setAutoCommit(false);
                execute(owner, "GRANT UPDATE, DELETE ON posting, journal_entry TO CURRENT_USER");
                SQLException refused = assertThrows(SQLException.class, () -> update(owner, attack, led), attack);
                assertTrue(refused.getMessage().contains("immutable"), refused.getMessage());
                owner.rollback();
            }
        }
        assertEquals(before, storedEntry(led, 1));
        assertPrivilegesAndTriggersIntact();
    }

    @Test
    void unbalancedEntryInsertedInSqlFailsAtCommit() throws SQLException {
        UUID led = ledWithEntries(1);
        try (Connection connection = Db.connect()) {
            connection.setAutoCommit(false);
            UUID entry = insertNextEntry(connection, led, 2);
            insertPosting(connection, led, entry, 1, "1-1100", "DEBIT", "100.00", 2);
            insertPosting(connection, led, entry, 2, "3-1200", "CREDIT", "90.00", 2);
            SQLException refused = assertThrows(SQLException.class, connection::commit);
            assertTrue(refused.getMessage().contains("unbalanced"), refused.getMessage());
        }
        assertEquals(1, entries(led));
        verification(led).body("valid", equalTo(true)).body("entries", equalTo(1));
    }

    @Test
    void entryWithASinglePostingFailsAtCommit() throws SQLException {
        UUID led = ledWithEntries(1);
        try (Connection connection = Db.connect()) {
            connection.setAutoCommit(false);
            UUID entry = insertNextEntry(connection, led, 2);
            insertPosting(connection, led, entry, 1, "1-1100", "DEBIT", "100.00", 2);
            assertThrows(SQLException.class, connection::commit);
        }
        assertEquals(1, entries(led));
    }

    @Test
    void postingAddedLaterToAnExistingEntryFailsAtCommit() throws SQLException {
        UUID led = ledWithEntries(1);
        String before = storedEntry(led, 1);
        try (Connection connection = Db.connect()) {
            connection.setAutoCommit(false);
            insertPosting(connection, led, entryId(led, 1), 3, "1-1100", "DEBIT", "5.00", 1);
            SQLException refused = assertThrows(SQLException.class, connection::commit);
            // Both deferred checks refuse it; whichever fires first names itself.
            assertTrue(Set.of("journal_entry_balanced", "posting_belongs_to_new_entry").contains(constraint(refused)),
                    refused.getMessage());
        }
        assertEquals(before, storedEntry(led, 1));
    }

    @Test
    void balancedPairOfPostingsAddedLaterToAnExistingEntryFailsAtCommit() throws SQLException {
        UUID led = ledWithEntries(1);
        String before = storedEntry(led, 1);
        try (Connection connection = Db.connect()) {
            connection.setAutoCommit(false);
            UUID entry = entryId(led, 1);
            insertPosting(connection, led, entry, 3, "5-1100", "DEBIT", "5.00", 1);
            insertPosting(connection, led, entry, 4, "1-1300", "CREDIT", "5.00", 1);
            SQLException refused = assertThrows(SQLException.class, connection::commit);
            assertEquals("posting_belongs_to_new_entry", constraint(refused), refused.getMessage());
        }
        assertEquals(before, storedEntry(led, 1));
    }

    @Test
    void entryWhoseNumberSkipsOneOrWhoseLinkIsWrongIsRefused() throws SQLException {
        UUID led = ledWithEntries(2);
        try (Connection connection = Db.connect()) {
            connection.setAutoCommit(false);
            SQLException skipped = assertThrows(SQLException.class,
                    () -> insertEntry(connection, led, 4, lastHash(connection, led)));
            assertEquals("journal_entry_follows_chain", constraint(skipped));
            connection.rollback();
            SQLException unlinked = assertThrows(SQLException.class,
                    () -> insertEntry(connection, led, 3, "c".repeat(64)));
            assertEquals("journal_entry_follows_chain", constraint(unlinked));
            connection.rollback();
        }
        assertEquals(2, entries(led));
        verification(led).body("valid", equalTo(true)).body("entries", equalTo(2));
    }

    @Test
    void verificationReportsAPostingAmountAlteredBehindTheServicesBack() throws SQLException {
        UUID led = ledWithEntries(3);
        verification(led).body("valid", equalTo(true));
        // A balanced forgery: both sides of entry #2 grow, so only the hash can tell.
        asOwner(List.of(new Privilege("posting", "UPDATE")), owner -> update(owner,
                "UPDATE posting SET amount = amount + 1000 WHERE led_id = ? AND entry_number = 2", led));
        assertPrivilegesAndTriggersIntact();
        Metrics before = Metrics.scrape();
        verification(led).body("valid", equalTo(false))
                .body("firstBrokenNumber", equalTo(2))
                .body("reason", equalTo("hash-mismatch"));
        // What the LumbungChainVerificationFailed alert (k8s/base/monitoring) counts.
        String broken = "outcome=\"broken\"";
        assertEquals(1.0, Metrics.scrape().value("ledger_chain_verifications_total", broken)
                - before.value("ledger_chain_verifications_total", broken), "the broken verification is counted");
    }

    @Test
    void verificationReportsADescriptionAlteredBehindTheServicesBack() throws SQLException {
        UUID led = ledWithEntries(3);
        asOwner(List.of(new Privilege("journal_entry", "UPDATE")), owner -> update(owner,
                "UPDATE journal_entry SET description = 'Setoran modal (diubah)' WHERE led_id = ? AND number = 2",
                led));
        assertPrivilegesAndTriggersIntact();
        verification(led).body("valid", equalTo(false))
                .body("firstBrokenNumber", equalTo(2))
                .body("reason", equalTo("hash-mismatch"));
    }

    @Test
    void verificationReportsTheLastEntryDeletedBehindTheServicesBack() throws SQLException {
        UUID led = ledWithEntries(3);
        // Deleting an entry makes PostgreSQL lock the rows that reference it (postings, savings
        // movements, loan records, transfers) FOR KEY SHARE, which needs UPDATE on those tables.
        asOwner(List.of(new Privilege("posting", "DELETE"), new Privilege("posting", "UPDATE"),
                new Privilege("savings_movement", "UPDATE"), new Privilege("loan_disbursement", "UPDATE"),
                new Privilege("loan_reversal", "UPDATE"), new Privilege("cash_transfer", "UPDATE"),
                new Privilege("loan_recovery", "UPDATE"), new Privilege("loan_provision", "UPDATE"),
                new Privilege("group_repayment_reversal", "UPDATE"),
                new Privilege("journal_entry", "DELETE")), owner -> {
                    update(owner, "DELETE FROM posting WHERE led_id = ? AND entry_number = 3", led);
                    update(owner, "DELETE FROM journal_entry WHERE led_id = ? AND number = 3", led);
                });
        assertPrivilegesAndTriggersIntact();
        assertEquals(2, entries(led));
        // The remaining chain 1..2 is intact; only the head row still points at entry #3 (ChainVerifier.checkHead).
        verification(led).body("valid", equalTo(false))
                .body("entries", equalTo(2))
                .body("firstBrokenNumber", equalTo(3))
                .body("reason", equalTo("head-mismatch"));
    }

    // --- helpers

    private static UUID ledWithEntries(int count) {
        UUID led = Api.createLed();
        for (int i = 1; i <= count; i++) {
            Api.post(led, TODAY, "1-1100", "3-1200", i + "000.00");
        }
        return led;
    }

    private static ValidatableResponse verification(UUID led) {
        return as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal/verification").then().statusCode(200);
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

    /** A privilege on a table, as GRANT names it. */
    private record Privilege(String table, String name) {
    }

    /**
     * Tampers as the table owner would: in one transaction, disable the immutability triggers of
     * the tables, grant the privileges the role lacks, change the rows, then put both back.
     */
    private static void asOwner(List<Privilege> privileges, Sql tamper) throws SQLException {
        try (Connection owner = Db.connect()) {
            owner.setAutoCommit(false);
            List<Privilege> lacking = privileges.stream()
                    .filter(p -> Db.number("SELECT has_table_privilege(?, ?)::int", p.table(), p.name()) == 0)
                    .toList();
            Set<String> tables = new LinkedHashSet<>();
            privileges.forEach(p -> tables.add(p.table()));
            for (String table : tables) {
                execute(owner, "ALTER TABLE " + table + " DISABLE TRIGGER " + table + "_immutable");
            }
            for (Privilege p : lacking) {
                execute(owner, "GRANT " + p.name() + " ON " + p.table() + " TO CURRENT_USER");
            }
            tamper.run(owner);
            for (String table : tables) {
                execute(owner, "ALTER TABLE " + table + " ENABLE TRIGGER " + table + "_immutable");
            }
            for (Privilege p : lacking) {
                execute(owner, "REVOKE " + p.name() + " ON " + p.table() + " FROM CURRENT_USER");
            }
            owner.commit();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** After tampering, the service's role is as locked out as the migration left it. */
    private static void assertPrivilegesAndTriggersIntact() {
        for (String privilege : new String[] {"UPDATE", "DELETE", "TRUNCATE"}) {
            assertEquals(0, Db.number("SELECT has_table_privilege('posting', ?)::int", privilege), privilege);
        }
        assertEquals(0, Db.number("SELECT has_table_privilege('journal_entry', 'DELETE')::int"));
        // Kept by the migration: foreign-key checks lock the referenced entry, which needs UPDATE.
        assertEquals(1, Db.number("SELECT has_table_privilege('journal_entry', 'UPDATE')::int"));
        assertEquals(1, Db.number("SELECT has_table_privilege('posting', 'INSERT')::int"));
        assertEquals(0, Db.number("SELECT count(*) FROM pg_trigger WHERE tgname IN"
                + " ('posting_immutable', 'journal_entry_immutable') AND tgenabled <> 'O'"));
    }

    private static int update(Connection connection, String sql, UUID led) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, led);
            return statement.executeUpdate();
        }
    }

    /** Entry number {@code number} and its postings, as stored, for before/after comparison. */
    private static String storedEntry(UUID led, long number) {
        try (Connection connection = Db.connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT row_to_json(e)::text || (SELECT json_agg(p ORDER BY p.line)::text FROM posting p
                                                 WHERE p.led_id = e.led_id AND p.entry_id = e.id)
                  FROM journal_entry e WHERE e.led_id = ? AND e.number = ?""")) {
            statement.setObject(1, led);
            statement.setLong(2, number);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), "entry #" + number);
                String stored = row.getString(1);
                assertFalse(row.next());
                return stored;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long entries(UUID led) {
        return Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led);
    }

    private static UUID entryId(UUID led, long number) throws SQLException {
        try (Connection connection = Db.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM journal_entry WHERE led_id = ? AND number = ?")) {
            statement.setObject(1, led);
            statement.setLong(2, number);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private static String lastHash(Connection connection, UUID led) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT last_hash FROM journal_head WHERE led_id = ?")) {
            statement.setObject(1, led);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Inserts an entry row that follows the chain correctly, so only what is under test can fail. */
    private static UUID insertNextEntry(Connection connection, UUID led, long number) throws SQLException {
        return insertEntry(connection, led, number, lastHash(connection, led));
    }

    private static UUID insertEntry(Connection connection, UUID led, long number, String previousHash)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO journal_entry (led_id, id, number, effective_date, recorded_at, recorded_by, kind,
                                           description, hash, previous_hash)
                VALUES (?, ?, ?, ?, ?, 'sql', 'ADJUSTMENT', 'ditulis langsung', ?, ?)""")) {
            statement.setObject(1, led);
            statement.setObject(2, id);
            statement.setLong(3, number);
            statement.setObject(4, LocalDate.parse(TODAY));
            statement.setObject(5, OffsetDateTime.now());
            statement.setString(6, "d".repeat(64));
            statement.setString(7, previousHash);
            statement.executeUpdate();
        }
        return id;
    }

    private static void insertPosting(Connection connection, UUID led, UUID entry, int line, String account,
            String side, String amount, long entryNumber) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO posting (led_id, entry_id, line, account_id, side, amount, entry_number, effective_date)
                SELECT ?, ?, ?, id, ?, ?::numeric, ?, ? FROM account WHERE led_id = ? AND code = ?""")) {
            statement.setObject(1, led);
            statement.setObject(2, entry);
            statement.setInt(3, line);
            statement.setString(4, side);
            statement.setString(5, amount);
            statement.setLong(6, entryNumber);
            statement.setObject(7, LocalDate.parse(TODAY));
            statement.setObject(8, led);
            statement.setString(9, account);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static String constraint(SQLException e) {
        return e instanceof PSQLException pg && pg.getServerErrorMessage() != null
                ? pg.getServerErrorMessage().getConstraint()
                : null;
    }
}
