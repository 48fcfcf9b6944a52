package id.lumbung.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The row count and a digest of the rows of every application table, and every LED's journal head
 * (last number and hash): what a refused request must leave exactly as it was. The digest catches a
 * row changed in place (a PATCH, a PUT of settings) that leaves the count as it was. The tables are
 * read from the catalogue, so a table a later migration adds is covered without a change here.
 */
public record Snapshot(Map<String, Long> counts, Map<String, String> digests, Map<String, String> heads) {

    private static volatile String countQuery;

    /** Takes a snapshot now, in one statement per part. */
    public static Snapshot take() {
        try (Connection connection = Db.connect(); Statement statement = connection.createStatement()) {
            Map<String, Long> counts = new TreeMap<>();
            Map<String, String> digests = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery(countQuery(statement))) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                    digests.put(rows.getString(1), rows.getString(3));
                }
            }
            Map<String, String> heads = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT led_id, last_number, last_hash FROM journal_head")) {
                while (rows.next()) {
                    heads.put(rows.getString(1), rows.getLong(2) + "/" + rows.getString(3));
                }
            }
            return new Snapshot(counts, digests, heads);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What changed from this snapshot to {@code later}, one line per table or head; empty when nothing. */
    public List<String> changesTo(Snapshot later) {
        List<String> changes = new ArrayList<>();
        later.counts.forEach((table, count) -> {
            Long before = counts.get(table);
            if (!count.equals(before)) {
                changes.add(table + ": " + before + " -> " + count + " rows");
            } else if (!later.digests.get(table).equals(digests.get(table))) {
                changes.add(table + ": a row changed in place");
            }
        });
        later.heads.forEach((led, head) -> {
            if (!head.equals(heads.get(led))) {
                changes.add("journal head of LED " + led + ": " + heads.get(led) + " -> " + head);
            }
        });
        return changes;
    }

    private static String countQuery(Statement statement) throws SQLException {
        if (countQuery == null) {
            List<String> parts = new ArrayList<>();
            try (ResultSet tables = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                    // A 403 inside the LED's scope is recorded in the audit trail on purpose (AuditTrailTest).
                    + " AND table_name NOT IN ('flyway_schema_history', 'audit_event', 'audit_head')"
                    + " ORDER BY table_name")) {
                while (tables.next()) {
                    String table = tables.getString(1);
                    // Order-independent: the digest of the sorted digests of the rows as text.
                    parts.add("SELECT '" + table + "', count(*), md5(coalesce(string_agg(md5(t::text), ''"
                            + " ORDER BY md5(t::text)), '')) FROM \"" + table + "\" t");
                }
            }
            countQuery = String.join(" UNION ALL ", parts);
        }
        return countQuery;
    }
}
