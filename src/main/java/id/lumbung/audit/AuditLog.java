package id.lumbung.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.platform.error.ApiException;

/**
 * The audit trail's rows, in plain JDBC inside the caller's transaction: appending under the LED's
 * audit head lock, reading pages by sequence, walking the chain.
 */
@ApplicationScoped
class AuditLog {

    private static final String COLUMNS = "led_id, sequence, at, actor, role, action, resource_type, resource_id,"
            + " changes, outcome, detail, hash, prev_hash";

    private static final String LOCK_HEAD = """
            SELECT last_sequence, last_hash FROM audit_head WHERE led_id = ? FOR UPDATE""";

    private static final String APPEND = """
            WITH event AS (
                INSERT INTO audit_event (led_id, sequence, at, actor, role, action, resource_type, resource_id,
                                         changes, outcome, detail, hash, prev_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            )
            UPDATE audit_head SET last_sequence = ?, last_hash = ? WHERE led_id = ?""";

    private final DataSource dataSource;

    AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What an event says before the chain gives it a number and a link. */
    record Draft(UUID ledId, Instant at, String actor, String role, String action, String resourceType,
            String resourceId, String changes, Outcome outcome, String detail) {
    }

    /**
     * Appends the draft as the LED's next event. The head's row lock, held until the caller's
     * commit, serialises one LED's appends, so concurrent writers never fork the chain and the
     * sequence stays gapless (a rolled-back append gives its number back with the lock).
     */
    AuditEvent append(Draft draft) {
        try (Connection connection = dataSource.getConnection()) {
            long last;
            String lastHash;
            try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD)) {
                lock.setObject(1, draft.ledId());
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw ApiException.notFound("LED " + draft.ledId());
                    }
                    last = row.getLong(1);
                    lastHash = row.getString(2);
                }
            }
            AuditEvent unsigned = new AuditEvent(draft.ledId(), last + 1, draft.at(), draft.actor(), draft.role(),
                    draft.action(), draft.resourceType(), draft.resourceId(), draft.changes(), draft.outcome(),
                    draft.detail(), null, lastHash);
            AuditEvent event = unsigned.signed(AuditHasher.hash(unsigned));
            try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
                int p = 1;
                insert.setObject(p++, event.ledId());
                insert.setLong(p++, event.sequence());
                insert.setObject(p++, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
                insert.setString(p++, event.actor());
                insert.setString(p++, event.role());
                insert.setString(p++, event.action());
                insert.setString(p++, event.resourceType());
                insert.setString(p++, event.resourceId());
                insert.setString(p++, event.changes());
                insert.setString(p++, event.outcome().name());
                insert.setString(p++, event.detail());
                insert.setString(p++, event.hash());
                insert.setString(p++, event.prevHash());
                insert.setLong(p++, event.sequence());
                insert.setString(p++, event.hash());
                insert.setObject(p, event.ledId());
                insert.executeUpdate();
            }
            return event;
        } catch (SQLException e) {
            throw new IllegalStateException("appending an audit event failed: SQL state " + e.getSQLState(), e);
        }
    }

    /** Which events a page shows. */
    record Filter(Instant from, Instant to, String actor) {
    }

    /** Up to {@code limit} events after sequence {@code after}, in sequence order. */
    List<AuditEvent> page(UUID ledId, Filter filter, long after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM audit_event WHERE led_id = ? AND sequence > ?");
        List<Object> args = new ArrayList<>(List.of(ledId, after));
        if (filter.from() != null) {
            sql.append(" AND at >= ?");
            args.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND at < ?");
            args.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            args.add(filter.actor());
        }
        sql.append(" ORDER BY sequence LIMIT ?");
        args.add(limit);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(read(row));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit trail failed: SQL state " + e.getSQLState(), e);
        }
    }

    /** Every event of the LED in sequence order, a page at a time. */
    void forEach(UUID ledId, int pageSize, Consumer<AuditEvent> visit) {
        long after = 0;
        Filter all = new Filter(null, null, null);
        while (true) {
            List<AuditEvent> events = page(ledId, all, after, pageSize);
            events.forEach(visit);
            if (events.size() < pageSize) {
                return;
            }
            after = events.get(events.size() - 1).sequence();
        }
    }

    /** An LED's audit head as stored: the last event's sequence and hash. */
    record Head(long sequence, String hash) {
    }

    /** The head row, or null when the LED has none. */
    Head head(UUID ledId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT last_sequence, last_hash FROM audit_head WHERE led_id = ?")) {
            select.setObject(1, ledId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Head(row.getLong(1), row.getString(2)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit head failed: SQL state " + e.getSQLState(), e);
        }
    }

    private static AuditEvent read(ResultSet row) throws SQLException {
        return new AuditEvent(row.getObject("led_id", UUID.class), row.getLong("sequence"),
                row.getObject("at", OffsetDateTime.class).toInstant(), row.getString("actor"), row.getString("role"),
                row.getString("action"), row.getString("resource_type"), row.getString("resource_id"),
                row.getString("changes"), Outcome.valueOf(row.getString("outcome")), row.getString("detail"),
                row.getString("hash"), row.getString("prev_hash"));
    }
}
