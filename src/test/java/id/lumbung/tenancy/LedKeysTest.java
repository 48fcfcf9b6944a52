package id.lumbung.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every table an LED owns is keyed by the LED first: its primary key, its foreign keys and its
 * indexes all lead with {@code led_id}. That is what lets one LED's rows be found without
 * touching another's, and what a distribution by {@code led_id} (Citus, past one PostgreSQL
 * cluster) needs: rows that refer to each other then live on the same node. The few tables that
 * belong to no LED are named here, each with its reason, so a new table must choose. So is what
 * Citus would take differently (docs/scaling.md): the deferred constraints, the triggers that read
 * or write tables, and sequences (none).
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LedKeysTest {

    /** Tables that belong to no single LED. */
    private static final Map<String, String> NOT_LED_OWNED = Map.of(
            "district", "a district holds many LEDs (a reference table when distributed)",
            "led", "the LED itself, keyed by its id",
            "flyway_schema_history", "Flyway's own");

    /**
     * Indexes that serve a sweep over every LED at once, not a read of one LED: the hourly purge of
     * idempotency keys and field batches past their retention deletes by age alone. (Distributed, each
     * shard keeps such an index for its own rows and the purge runs on every shard.)
     */
    private static final Map<String, String> CROSS_LED_INDEXES = Map.of(
            "idempotency_record_created_at", "the retention purge deletes keys by age, over every LED",
            "field_batch_created_at", "the retention purge deletes stored batches by age, over every LED");

    /**
     * Deferred constraints, checked at commit. Distributed, each is checked on the node that holds the
     * LED's co-located shards, so it must stay within one LED (each does: led_id pairs with led_id).
     */
    private static final Map<String, String> DEFERRED = Map.of(
            "journal_entry_balanced", "constraint trigger: an entry's postings balance (reads posting)",
            "posting_belongs_to_new_entry", "constraint trigger: a posting is written with its entry (reads both)",
            "loan_group_loan_fk", "foreign key: a group loan's shares are written before the group loan's row",
            "loan_repayment_group_fk", "foreign key: a share's repayment is written before the group payment's row");

    /**
     * Trigger functions that read or write tables; the others look at NEW and OLD only, or refuse.
     * Distributed, a trigger runs on the shard, where it may touch only its own shard group's rows.
     */
    private static final Map<String, String> TRIGGERS_READING_TABLES = Map.of(
            "journal_entry_follows_chain", "reads journal_head, year_end_close and the LED's newest entry",
            "journal_entry_must_balance", "sums the entry's postings (through assert_entry_balanced)",
            "posting_belongs_to_new_entry", "reads the posting and its entry",
            "audit_event_follows_chain", "reads the LED's newest audit event",
            "led_gets_audit_head", "a trigger on led (a reference table) inserting into audit_head (an LED's)");

    @Test
    void everyLedOwnedTableLeadsItsKeysAndIndexesWithTheLed() throws SQLException {
        List<String> faults = new ArrayList<>();
        Set<String> tables = new TreeSet<>();
        try (Connection connection = Db.connect(); Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery("""
                    SELECT c.relname,
                           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'led_id'
                                      AND NOT a.attisdropped) AS has_led
                      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')""")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    tables.add(table);
                    if (!rows.getBoolean(2) && !NOT_LED_OWNED.containsKey(table)) {
                        faults.add(table + ": no led_id column (and not named as belonging to no LED)");
                    }
                }
            }
            // Primary keys, unique and foreign keys: the first column of each.
            try (ResultSet rows = sql.executeQuery("""
                    SELECT c.conrelid::regclass::text, c.conname, c.contype, a.attname
                      FROM pg_constraint c
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                      JOIN pg_namespace n ON n.oid = c.connamespace
                     WHERE n.nspname = current_schema() AND c.contype IN ('p', 'u', 'f')""")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    if (!NOT_LED_OWNED.containsKey(table) && !"led_id".equals(rows.getString(4))) {
                        faults.add(table + ": " + kind(rows.getString(3)) + " " + rows.getString(2)
                                + " leads with " + rows.getString(4));
                    }
                }
            }
            // Every index, including those behind the constraints above and partial ones.
            try (ResultSet rows = sql.executeQuery("""
                    SELECT t.relname, i.relname, a.attname
                      FROM pg_index x
                      JOIN pg_class t ON t.oid = x.indrelid
                      JOIN pg_class i ON i.oid = x.indexrelid
                      JOIN pg_namespace n ON n.oid = t.relnamespace
                      LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
                     WHERE n.nspname = current_schema()""")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    if (!NOT_LED_OWNED.containsKey(table) && !CROSS_LED_INDEXES.containsKey(rows.getString(2))
                            && !"led_id".equals(rows.getString(3))) {
                        faults.add(table + ": index " + rows.getString(2) + " leads with "
                                + (rows.getString(3) == null ? "an expression" : rows.getString(3)));
                    }
                }
            }
        }
        assertTrue(tables.size() > 30, "found only " + tables);
        assertTrue(tables.containsAll(NOT_LED_OWNED.keySet()), "a table named as not LED-owned is gone: " + tables);
        assertEquals(List.of(), faults, String.join("\n", faults));
    }

    @Test
    void everyLedOwnedTableHasAPrimaryKey() throws SQLException {
        assertEquals(Set.of(), strings("""
                SELECT c.relname FROM pg_class c
                 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'led_id'
                                  AND NOT a.attisdropped)
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')"""));
    }

    /**
     * Leading with led_id is not enough for co-location: the referenced side must lead with it too, so
     * that a row and the row it refers to are the same LED's. To a table without led_id only the LED
     * itself: (led_id) -> led (id).
     */
    @Test
    void everyForeignKeyOfAnLedOwnedTablePairsLedIdWithLedId() throws SQLException {
        Set<String> faults = strings("""
                SELECT k.conname || ' (' || k.conrelid::regclass || ' -> ' || k.confrelid::regclass || ')'
                  FROM pg_constraint k
                  JOIN pg_attribute f ON f.attrelid = k.conrelid AND f.attnum = k.conkey[1]
                  JOIN pg_attribute t ON t.attrelid = k.confrelid AND t.attnum = k.confkey[1]
                 WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attname = 'led_id'
                                  AND NOT a.attisdropped)
                   AND NOT (f.attname = 'led_id' AND t.attname = 'led_id')
                   AND NOT (f.attname = 'led_id' AND k.confrelid = 'led'::regclass AND t.attname = 'id'
                            AND array_length(k.conkey, 1) = 1)""");
        assertEquals(Set.of(), faults);
        assertTrue(Db.number("SELECT count(*) FROM pg_constraint WHERE contype = 'f'"
                + " AND connamespace = current_schema()::regnamespace") > 100, "the foreign keys are found");
    }

    /** A table without led_id never refers to an LED's rows (no LED owns it, and Citus allows no such key). */
    @Test
    void noTableWithoutLedIdReferencesAnLedOwnedTable() throws SQLException {
        assertEquals(Set.of(), strings("""
                SELECT k.conname FROM pg_constraint k
                 WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attname = 'led_id'
                                      AND NOT a.attisdropped)
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.confrelid AND a.attname = 'led_id'
                                  AND NOT a.attisdropped)"""));
    }

    @Test
    void theDeferredConstraintsAreTheKnownOnes() throws SQLException {
        Set<String> deferred = strings("""
                SELECT conname FROM pg_constraint
                 WHERE connamespace = current_schema()::regnamespace AND condeferrable""");
        deferred.addAll(strings("""
                SELECT g.tgname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
                 WHERE NOT g.tgisinternal AND g.tgdeferrable AND c.relnamespace = current_schema()::regnamespace"""));
        assertEquals(new TreeSet<>(DEFERRED.keySet()), deferred);
    }

    @Test
    void theTriggersThatReadOrWriteTablesAreTheKnownOnes() throws SQLException {
        // A body that still says FROM, INTO, UPDATE or PERFORM once its string literals and IS DISTINCT FROM
        // are taken out reads or writes a table (or calls a function that does).
        Set<String> reading = strings("""
                SELECT DISTINCT p.proname FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid
                 WHERE NOT g.tgisinternal AND p.pronamespace = current_schema()::regnamespace
                   AND regexp_replace(regexp_replace(p.prosrc, '''[^'']*''', '', 'g'), 'distinct\\s+from', '', 'gi')
                       ~* '\\m(from|into|update|perform)\\M'""");
        assertEquals(new TreeSet<>(TRIGGERS_READING_TABLES.keySet()), reading);
    }

    /** Ids are UUIDs the service makes and numbers come from each LED's head row: nothing global hands them out. */
    @Test
    void noSequenceHandsOutIds() throws SQLException {
        assertEquals(Set.of(), strings(
                "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'S'"));
    }

    private static Set<String> strings(String query) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (Connection connection = Db.connect(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String kind(String contype) {
        return switch (contype) {
            case "p" -> "primary key";
            case "u" -> "unique key";
            default -> "foreign key";
        };
    }
}
