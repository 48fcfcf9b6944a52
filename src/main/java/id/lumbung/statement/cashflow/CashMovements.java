package id.lumbung.statement.cashflow;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import id.lumbung.ledger.EntryKind;

/**
 * What the entries that moved cash or bank in a period did on their other side: per non-cash
 * account, cash received (its credits) and cash paid (its debits). One grouped query over the
 * period's postings, never the history. A reversal counts against the direction it undoes (a
 * reversed repayment lowers the principal collected, it is not a disbursement), and the opening
 * balances carried over from paper books are the books' first cash, not a flow.
 */
final class CashMovements {

    /** Received and paid through one non-cash account; both positive. */
    record Flow(BigDecimal received, BigDecimal paid) {
        static final Flow NONE = new Flow(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static final String FLOWS = """
            SELECT p.account_id,
                   coalesce(sum(p.amount) FILTER (WHERE p.side = 'CREDIT' AND e.kind <> ?), 0)
                 - coalesce(sum(p.amount) FILTER (WHERE p.side = 'DEBIT' AND e.kind = ?), 0),
                   coalesce(sum(p.amount) FILTER (WHERE p.side = 'DEBIT' AND e.kind <> ?), 0)
                 - coalesce(sum(p.amount) FILTER (WHERE p.side = 'CREDIT' AND e.kind = ?), 0)
              FROM posting p
              JOIN journal_entry e ON e.led_id = p.led_id AND e.id = p.entry_id
             WHERE p.led_id = ? AND p.effective_date >= ? AND p.effective_date <= ?
               AND e.kind <> ?
               AND NOT (p.account_id = ANY (?))
               AND EXISTS (SELECT 1 FROM posting c
                            WHERE c.led_id = p.led_id AND c.entry_id = p.entry_id AND c.account_id = ANY (?))
             GROUP BY p.account_id""";

    /** Cash and bank brought in by the opening-balance entry, when it is dated in the period. */
    private static final String CARRIED_OVER = """
            SELECT coalesce(sum(CASE p.side WHEN 'DEBIT' THEN p.amount ELSE -p.amount END), 0)
              FROM posting p
              JOIN journal_entry e ON e.led_id = p.led_id AND e.id = p.entry_id
             WHERE p.led_id = ? AND p.effective_date >= ? AND p.effective_date <= ?
               AND e.kind = ? AND p.account_id = ANY (?)""";

    private final Connection connection;
    private final UUID ledId;
    private final Array cash;

    CashMovements(Connection connection, UUID ledId, Set<UUID> cashAccounts) throws SQLException {
        this.connection = connection;
        this.ledId = ledId;
        this.cash = connection.createArrayOf("uuid", cashAccounts.toArray());
    }

    Map<UUID, Flow> flows(LocalDate from, LocalDate to) throws SQLException {
        Map<UUID, Flow> flows = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(FLOWS)) {
            int p = 1;
            for (int i = 0; i < 4; i++) {
                statement.setString(p++, EntryKind.REVERSAL.name());
            }
            statement.setObject(p++, ledId);
            statement.setObject(p++, from);
            statement.setObject(p++, to);
            statement.setString(p++, EntryKind.OPENING_BALANCE.name());
            statement.setArray(p++, cash);
            statement.setArray(p, cash);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    flows.put(rs.getObject(1, UUID.class), new Flow(rs.getBigDecimal(2), rs.getBigDecimal(3)));
                }
            }
        }
        return flows;
    }

    BigDecimal carriedOver(LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CARRIED_OVER)) {
            statement.setObject(1, ledId);
            statement.setObject(2, from);
            statement.setObject(3, to);
            statement.setString(4, EntryKind.OPENING_BALANCE.name());
            statement.setArray(5, cash);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
