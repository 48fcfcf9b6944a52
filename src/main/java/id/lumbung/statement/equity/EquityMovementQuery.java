package id.lumbung.statement.equity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import id.lumbung.ledger.EntryKind;
import id.lumbung.money.Amount;

/**
 * The period's equity movements per account and kind, in one grouped query over the postings of the
 * entries dated in the period (the journal's effective-date index bounds it: never the whole
 * history). A reversal is grouped under the kind of the entry it reverses.
 */
final class EquityMovementQuery {

    private static final String MOVEMENTS = """
            SELECT p.account_id, coalesce(reversed.kind, e.kind),
                   coalesce(sum(p.amount) FILTER (WHERE p.side = 'CREDIT'), 0)
                     - coalesce(sum(p.amount) FILTER (WHERE p.side = 'DEBIT'), 0)
              FROM journal_entry e
              JOIN posting p ON p.led_id = e.led_id AND p.entry_id = e.id
              JOIN account a ON a.led_id = p.led_id AND a.id = p.account_id
              LEFT JOIN journal_entry reversed ON reversed.led_id = e.led_id AND reversed.id = e.reverses_id
             WHERE e.led_id = ? AND e.effective_date >= ? AND e.effective_date <= ? AND a.type = 'EQUITY'
             GROUP BY p.account_id, coalesce(reversed.kind, e.kind)""";

    private EquityMovementQuery() {
    }

    /** Credits less debits per equity account and movement kind; an account that did not move is absent. */
    static Map<UUID, Map<EquityMovementKind, Amount>> read(Connection connection, UUID ledId, LocalDate from,
            LocalDate to) throws SQLException {
        Map<UUID, Map<EquityMovementKind, Amount>> movements = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(MOVEMENTS)) {
            statement.setObject(1, ledId);
            statement.setObject(2, from);
            statement.setObject(3, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    EquityMovementKind kind = EquityMovementKind.of(kind(rs.getString(2)));
                    movements.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(EquityMovementKind.class))
                            .merge(kind, Amount.of(rs.getBigDecimal(3)), Amount::plus);
                }
            }
        }
        return movements;
    }

    /** A kind this build does not know (written by a newer one) is an "other" movement, not a failure. */
    private static EntryKind kind(String stored) {
        try {
            return EntryKind.valueOf(stored);
        } catch (IllegalArgumentException unknown) {
            return EntryKind.ADJUSTMENT;
        }
    }
}
