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
 * The period's equity movements per account and kind, in one grouped query over the equity
 * accounts' postings dated in the period joined to their entries: never the whole history. A
 * reversal is grouped under the kind of the entry it reverses.
 */
final class EquityMovementQuery {

    /**
     * Bounded by the period twice: on the posting's own copy of the effective date, so that the index
     * on (account, effective date) the ledger pages use (posting_account_effective, V19 on main) reads
     * one range per equity account, and on the entry's, which the journal's effective-date index serves.
     */
    private static final String MOVEMENTS = """
            SELECT p.account_id, coalesce(reversed.kind, e.kind),
                   coalesce(sum(p.amount) FILTER (WHERE p.side = 'CREDIT'), 0)
                     - coalesce(sum(p.amount) FILTER (WHERE p.side = 'DEBIT'), 0)
              FROM account a
              JOIN posting p ON p.led_id = a.led_id AND p.account_id = a.id
                            AND p.effective_date >= ? AND p.effective_date <= ?
              JOIN journal_entry e ON e.led_id = p.led_id AND e.id = p.entry_id
              LEFT JOIN journal_entry reversed ON reversed.led_id = e.led_id AND reversed.id = e.reverses_id
             WHERE a.led_id = ? AND a.type = 'EQUITY' AND e.effective_date >= ? AND e.effective_date <= ?
             GROUP BY p.account_id, coalesce(reversed.kind, e.kind)""";

    private EquityMovementQuery() {
    }

    /** Credits less debits per equity account and movement kind; an account that did not move is absent. */
    static Map<UUID, Map<EquityMovementKind, Amount>> read(Connection connection, UUID ledId, LocalDate from,
            LocalDate to) throws SQLException {
        Map<UUID, Map<EquityMovementKind, Amount>> movements = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(MOVEMENTS)) {
            statement.setObject(1, from);
            statement.setObject(2, to);
            statement.setObject(3, ledId);
            statement.setObject(4, from);
            statement.setObject(5, to);
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
