package id.lumbung.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.lumbung.support.TestDatabase;

/**
 * DESIGN §1: every row that belongs to an LED carries {@code led_id}, and it leads every primary key,
 * foreign key and index of those tables, so that the schema distributes by LED on Citus (distribution
 * column {@code led_id}, every LED-owned table co-located, {@code district} and {@code led} reference
 * tables) without rewriting a key. Reads the catalog of a scratch database migrated by the real
 * migrations. A new table, index, foreign key, deferred constraint or table-reading trigger that does
 * not fit fails here until someone decides (and, for the lists below, says why in docs/scaling.md).
 */
class LedIdSchemaTest {

    /** Tables without led_id, each a reference or platform table by decision. */
    private static final Map<String, String> WITHOUT_LED_ID = Map.of(
            "district", "the tenancy root above the LEDs; a Citus reference table",
            "led", "the tenant itself (its id is the led_id); a Citus reference table",
            "flyway_schema_history", "Flyway's own bookkeeping; stays on the coordinator");

    /**
     * Indexes of LED-owned tables that do not lead with led_id. Each serves a platform-wide job that
     * reads across LEDs by design; on Citus every shard keeps its own copy of the index, and the job's
     * statement runs on all shards in parallel.
     */
    private static final Map<String, String> INDEXES_NOT_LEADING = Map.of(
            "idempotency_record_created_at", "the hourly retention purge (DELETE ... WHERE created_at < ?) over all"
                    + " LEDs; (led_id, created_at) would turn it into a full index scan",
            "field_batch_created_at", "the same retention purge for field batches' answers");

    /**
     * Deferred constraints: checked at commit, when every row of the transaction is in. On Citus each
     * is checked on the worker that holds the LED's shards, so it must stay within one LED (it does).
     */
    private static final Map<String, String> DEFERRED = Map.of(
            "journal_entry_balanced", "constraint trigger: an entry's postings balance (reads posting)",
            "posting_belongs_to_new_entry", "constraint trigger: a posting is written with its entry (reads both)",
            "loan_group_loan_fk", "foreign key: a group loan's shares are written before the group loan's row",
            "loan_repayment_group_fk", "foreign key: a share's repayment is written before the group payment's row");

    /**
     * Trigger functions that read or write tables (the rest only look at NEW/OLD or refuse). On Citus a
     * trigger runs on the shard, so each must touch only the same LED's co-located rows.
     */
    private static final Map<String, String> TRIGGERS_READING_TABLES = Map.of(
            "journal_entry_follows_chain", "reads journal_head, year_end_close and the LED's newest entry",
            "journal_entry_must_balance", "sums the entry's postings (via assert_entry_balanced)",
            "posting_belongs_to_new_entry", "reads the posting and its entry",
            "audit_event_follows_chain", "reads the LED's newest audit event",
            "led_gets_audit_head", "a trigger on led (a reference table) inserting into audit_head (distributed)");

    private static String database;
    private static Connection connection;

    @BeforeAll
    static void migrate() throws SQLException {
        database = "lumbung_test_schema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        admin("CREATE DATABASE " + database);
        Flyway.configure().dataSource(TestDatabase.url(database), TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").load().migrate();
        connection = DriverManager.getConnection(TestDatabase.url(database), TestDatabase.user(),
                TestDatabase.password());
    }

    @AfterAll
    static void drop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (database != null) {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void everyTableWithoutLedIdIsAnAllowedReferenceTable() throws SQLException {
        Set<String> without = strings("""
                SELECT c.relname FROM pg_class c
                 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                                    WHERE a.attrelid = c.oid AND a.attname = 'led_id' AND NOT a.attisdropped)""");
        assertEquals(new TreeSet<>(WITHOUT_LED_ID.keySet()), without,
                "a table without led_id must be a reference table listed here, with its reason");
        assertTrue(ledOwnedTables().size() > 40, "the LED-owned tables are found: " + ledOwnedTables());
    }

    @Test
    void everyLedOwnedPrimaryKeyLeadsWithLedId() throws SQLException {
        List<String> violations = new ArrayList<>();
        for (String table : ledOwnedTables()) {
            List<String> key = strings("""
                    SELECT a.attname FROM pg_constraint k
                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                     WHERE k.contype = 'p' AND k.conrelid = '%s'::regclass""".formatted(table)).stream().toList();
            if (key.isEmpty()) {
                violations.add(table + ": no primary key");
            } else if (!key.getFirst().equals("led_id")) {
                violations.add(table + ": primary key leads with " + key.getFirst());
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyForeignKeyOfAnLedOwnedTablePairsLedIdWithLedId() throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("""
                SELECT k.conname, k.conrelid::regclass::text, k.confrelid::regclass::text,
                       array_length(k.conkey, 1),
                       (SELECT attname FROM pg_attribute WHERE attrelid = k.conrelid AND attnum = k.conkey[1]),
                       (SELECT attname FROM pg_attribute WHERE attrelid = k.confrelid AND attnum = k.confkey[1]),
                       EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = k.confrelid AND attname = 'led_id'
                                  AND NOT attisdropped)
                  FROM pg_constraint k
                 WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace
                   AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = k.conrelid AND attname = 'led_id'
                                  AND NOT attisdropped)
                 ORDER BY 1""")) {
            int checked = 0;
            while (row.next()) {
                checked++;
                String name = row.getString(1) + " (" + row.getString(2) + " -> " + row.getString(3) + ")";
                String from = row.getString(5);
                String to = row.getString(6);
                boolean toLedOwned = row.getBoolean(7);
                if (toLedOwned) {
                    // Co-located: the same LED's row on the same shard.
                    if (!from.equals("led_id") || !to.equals("led_id")) {
                        violations.add(name + ": pairs " + from + " with " + to);
                    }
                } else if (!(row.getString(3).equals("led") && row.getInt(4) == 1 && from.equals("led_id")
                        && to.equals("id"))) {
                    // To a reference table only the tenant itself: (led_id) -> led (id).
                    violations.add(name + ": to a table without led_id other than (led_id) -> led (id)");
                }
            }
            assertTrue(checked > 100, "foreign keys found: " + checked);
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noReferenceTableHasAForeignKeyIntoAnLedOwnedTable() throws SQLException {
        // Citus allows foreign keys from distributed to reference tables, never the other way round.
        Set<String> into = strings("""
                SELECT k.conname FROM pg_constraint k
                 WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = k.conrelid AND attname = 'led_id')
                   AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = k.confrelid AND attname = 'led_id')""");
        assertEquals(Set.of(), into);
    }

    @Test
    void everyIndexOfAnLedOwnedTableLeadsWithLedIdButTheListedPurgeIndexes() throws SQLException {
        Set<String> notLeading = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("""
                SELECT t.relname, i.relname, coalesce(a.attname, '(expression)')
                  FROM pg_index x
                  JOIN pg_class t ON t.oid = x.indrelid
                  JOIN pg_class i ON i.oid = x.indexrelid
                  LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
                 WHERE t.relnamespace = current_schema()::regnamespace
                   AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t.oid AND attname = 'led_id'
                                  AND NOT attisdropped)""")) {
            int checked = 0;
            while (row.next()) {
                checked++;
                if (!row.getString(3).equals("led_id")) {
                    notLeading.add(row.getString(2));
                }
            }
            assertTrue(checked > 100, "indexes found: " + checked);
        }
        assertEquals(new TreeSet<>(INDEXES_NOT_LEADING.keySet()), notLeading,
                "an index of an LED-owned table leads with led_id, or is listed here with its reason");
    }

    @Test
    void theDeferredConstraintsAreTheKnownOnes() throws SQLException {
        Set<String> deferred = strings("""
                SELECT conname FROM pg_constraint
                 WHERE connamespace = current_schema()::regnamespace AND condeferrable""");
        deferred.addAll(strings("""
                SELECT tgname FROM pg_trigger
                 WHERE NOT tgisinternal AND tgdeferrable
                   AND tgrelid::regclass::text IN (SELECT relname FROM pg_class
                                                    WHERE relnamespace = current_schema()::regnamespace)"""));
        assertEquals(new TreeSet<>(DEFERRED.keySet()), deferred);
    }

    @Test
    void theTriggersThatReadOrWriteTablesAreTheKnownOnes() throws SQLException {
        // A body that still says FROM, INTO, UPDATE or PERFORM once its string literals and IS DISTINCT FROM
        // are taken out reads or writes a table (or calls a function that does); the rest look at NEW/OLD only.
        Set<String> reading = strings("""
                SELECT DISTINCT p.proname FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid
                 WHERE NOT g.tgisinternal AND p.pronamespace = current_schema()::regnamespace
                   AND regexp_replace(regexp_replace(p.prosrc, '''[^'']*''', '', 'g'), 'distinct\\s+from', '', 'gi')
                       ~* '\\m(from|into|update|perform)\\M'""");
        assertEquals(new TreeSet<>(TRIGGERS_READING_TABLES.keySet()), reading);
    }

    @Test
    void noSequenceHandsOutIds() throws SQLException {
        // Ids are UUIDs made by the service and numbers come from each LED's head row: nothing global to
        // hand out across Citus nodes.
        assertEquals(Set.of(), strings("""
                SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'S'"""));
    }

    private static Set<String> ledOwnedTables() throws SQLException {
        return strings("""
                SELECT c.relname FROM pg_class c
                 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
                   AND EXISTS (SELECT 1 FROM pg_attribute a
                                WHERE a.attrelid = c.oid AND a.attname = 'led_id' AND NOT a.attisdropped)""");
    }

    private static Set<String> strings(String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabase.url("postgres"), TestDatabase.user(),
                TestDatabase.password()); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
