package id.lumbung.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.money.Amount;

/** Reads journal entries with their postings, always scoped by LED and ordered by number. */
@ApplicationScoped
public class JournalReader {

    private static final String ENTRY_COLUMNS = """
            e.id, e.number, e.effective_date, e.recorded_at, e.recorded_by, e.kind, e.description,
            e.reference_type, e.reference_id, e.reverses_id, e.hash, e.previous_hash,
            (SELECT r.id FROM journal_entry r WHERE r.led_id = e.led_id AND r.reverses_id = e.id) AS reversed_by""";

    private static final String POSTINGS = """
            SELECT p.entry_id, p.line, a.code, p.side, p.amount
              FROM posting p JOIN account a ON a.led_id = p.led_id AND a.id = p.account_id
             WHERE p.led_id = ? AND p.entry_id = ANY(?) ORDER BY p.entry_number, p.line""";

    /** Which entries a list shows; null fields do not filter. */
    public record Filter(LocalDate from, LocalDate to, UUID accountId, EntryKind kind) {
    }

    private final DataSource dataSource;

    public JournalReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<PostedEntry> find(UUID ledId, UUID entryId) {
        List<PostedEntry> found = query(ledId,
                "SELECT " + ENTRY_COLUMNS + " FROM journal_entry e WHERE e.led_id = ? AND e.id = ?",
                List.of(ledId, entryId));
        return found.stream().findFirst();
    }

    /** Up to {@code limit} entries numbered after {@code afterNumber}, matching the filter. */
    public List<PostedEntry> list(UUID ledId, Filter filter, long afterNumber, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(ENTRY_COLUMNS)
                .append(" FROM journal_entry e WHERE e.led_id = ? AND e.number > ?");
        List<Object> args = new ArrayList<>(List.of(ledId, afterNumber));
        if (filter.from() != null) {
            sql.append(" AND e.effective_date >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND e.effective_date <= ?");
            args.add(filter.to());
        }
        if (filter.kind() != null) {
            sql.append(" AND e.kind = ?");
            args.add(filter.kind().name());
        }
        if (filter.accountId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM posting p WHERE p.led_id = e.led_id AND p.entry_id = e.id"
                    + " AND p.account_id = ?)");
            args.add(filter.accountId());
        }
        sql.append(" ORDER BY e.number LIMIT ?");
        args.add(limit);
        return query(ledId, sql.toString(), args);
    }

    /**
     * The reversals of these entries, by reversed entry: what business records show as
     * {@code reversedBy}, derived from the journal so it can never disagree with it.
     */
    public Map<UUID, UUID> reversals(UUID ledId, java.util.Collection<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT reverses_id, id FROM journal_entry WHERE led_id = ? AND reverses_id = ANY(?)")) {
            statement.setObject(1, ledId);
            statement.setArray(2, connection.createArrayOf("uuid", entryIds.toArray()));
            Map<UUID, UUID> reversals = new java.util.HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reversals.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }
            }
            return reversals;
        } catch (SQLException e) {
            throw new IllegalStateException("reading reversals failed: " + e.getSQLState(), e);
        }
    }

    /**
     * Streams every entry of the LED in number order, a page at a time, for the chain check; memory
     * stays flat however long the journal is.
     */
    public void forEach(UUID ledId, int pageSize, Consumer<PostedEntry> visitor) {
        long after = 0;
        while (true) {
            List<PostedEntry> page = list(ledId, new Filter(null, null, null, null), after, pageSize);
            page.forEach(visitor);
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1).number();
        }
    }

    private List<PostedEntry> query(UUID ledId, String sql, List<Object> args) {
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, Row> rows = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    statement.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Row row = Row.read(rs);
                        rows.put(row.id, row);
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement statement = connection.prepareStatement(POSTINGS)) {
                statement.setObject(1, ledId);
                statement.setArray(2, connection.createArrayOf("uuid", rows.keySet().toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.get(rs.getObject(1, UUID.class)).lines.add(new PostedEntry.Line(rs.getShort(2),
                                rs.getString(3), Side.valueOf(rs.getString(4)), Amount.of(rs.getBigDecimal(5))));
                    }
                }
            }
            return rows.values().stream().map(row -> row.toEntry(ledId)).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the journal failed: " + e.getSQLState(), e);
        }
    }

    /** One entry row while its postings are being collected. */
    private static final class Row {
        UUID id;
        long number;
        LocalDate effectiveDate;
        OffsetDateTime recordedAt;
        String recordedBy;
        String kind;
        String description;
        String referenceType;
        UUID referenceId;
        UUID reverses;
        String hash;
        String previousHash;
        UUID reversedBy;
        final List<PostedEntry.Line> lines = new ArrayList<>(2);

        static Row read(ResultSet rs) throws SQLException {
            Row row = new Row();
            row.id = rs.getObject(1, UUID.class);
            row.number = rs.getLong(2);
            row.effectiveDate = rs.getObject(3, LocalDate.class);
            row.recordedAt = rs.getObject(4, OffsetDateTime.class);
            row.recordedBy = rs.getString(5);
            row.kind = rs.getString(6);
            row.description = rs.getString(7);
            row.referenceType = rs.getString(8);
            row.referenceId = rs.getObject(9, UUID.class);
            row.reverses = rs.getObject(10, UUID.class);
            row.hash = rs.getString(11);
            row.previousHash = rs.getString(12);
            row.reversedBy = rs.getObject(13, UUID.class);
            return row;
        }

        PostedEntry toEntry(UUID ledId) {
            EntryDraft.Reference reference = referenceType == null ? null
                    : new EntryDraft.Reference(referenceType, referenceId);
            return new PostedEntry(ledId, id, number, effectiveDate, recordedAt.toInstant(), recordedBy,
                    EntryKind.valueOf(kind), description, reference, reverses, reversedBy, lines, hash, previousHash);
        }
    }
}
