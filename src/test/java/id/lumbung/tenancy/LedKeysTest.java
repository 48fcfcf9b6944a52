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
 * belong to no LED are named here, each with its reason, so a new table must choose.
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

    private static String kind(String contype) {
        return switch (contype) {
            case "p" -> "primary key";
            case "u" -> "unique key";
            default -> "foreign key";
        };
    }
}
