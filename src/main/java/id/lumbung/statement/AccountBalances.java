package id.lumbung.statement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.postgresql.PGStatement;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.AccountType;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.Side;

/**
 * Account balances as of a day and movements over a period, from the per-day movement rows
 * ({@code account_daily_movement}): one indexed range per account, at most a row per active day,
 * never a sum over postings. Every account of the chart is listed, in code order, with zero sums
 * where nothing was posted.
 */
public final class AccountBalances {

    private static final String SUMS = """
            SELECT a.id, a.code, a.name, a.type, a.contra, a.normal_side, a.parent_id, a.purpose,
                   coalesce(m.debits, 0), coalesce(m.credits, 0)
              FROM account a
              LEFT JOIN (SELECT account_id, sum(debits) AS debits, sum(credits) AS credits
                           FROM account_daily_movement
                          WHERE led_id = ? AND day >= ? AND day <= ?
                          GROUP BY account_id) m ON m.account_id = a.id
             WHERE a.led_id = ?
             ORDER BY a.code""";

    /** The postings of year-end closing entries dated within a range, per account. */
    private static final String CLOSING = """
            SELECT p.account_id,
                   coalesce(sum(p.amount) FILTER (WHERE p.side = 'DEBIT'), 0),
                   coalesce(sum(p.amount) FILTER (WHERE p.side = 'CREDIT'), 0)
              FROM journal_entry e
              JOIN posting p ON p.led_id = e.led_id AND p.entry_id = e.id
             WHERE e.led_id = ? AND e.kind = ? AND e.effective_date >= ? AND e.effective_date <= ?
             GROUP BY p.account_id""";

    /** Before any effective date the service accepts: "from the beginning of the books". */
    private static final LocalDate BEGINNING = LocalDate.of(1, 1, 1);

    private final Connection connection;
    private final UUID ledId;

    AccountBalances(Connection connection, UUID ledId) {
        this.connection = connection;
        this.ledId = ledId;
    }

    /** The chart alone, in code order, with zero sums: what a settings page lists. */
    public List<AccountLine> chart() throws SQLException {
        return between(BEGINNING, BEGINNING);
    }

    /** Everything posted up to and including {@code day}. */
    public List<AccountLine> asOf(LocalDate day) throws SQLException {
        return between(BEGINNING, day);
    }

    /** Everything posted up to and including {@code day}, without a closing entry dated that day. */
    public List<AccountLine> asOfBeforeClosing(LocalDate day) throws SQLException {
        return withoutClosing(asOf(day), day, day);
    }

    /** Everything posted from {@code from} to {@code to}, both inclusive. */
    public List<AccountLine> between(LocalDate from, LocalDate to) throws SQLException {
        List<AccountLine> lines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SUMS)) {
            // Planned with the actual days every time: a range covers anything from no row to the whole
            // history, and the generic plan PostgreSQL settles on after five executions of a prepared
            // statement guesses 125 rows and sorts them all (26-32 ms instead of 10-12 over the 25,000 rows
            // of five busy years; docs/benchmarks.md, statements over 1,000,000 postings).
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            statement.setObject(1, ledId);
            statement.setObject(2, from);
            statement.setObject(3, to);
            statement.setObject(4, ledId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String purpose = rs.getString(8);
                    lines.add(new AccountLine(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            AccountType.valueOf(rs.getString(4)), rs.getBoolean(5), Side.valueOf(rs.getString(6)),
                            rs.getObject(7, UUID.class), purpose == null ? null : AccountPurpose.valueOf(purpose),
                            rs.getBigDecimal(9), rs.getBigDecimal(10)));
                }
            }
        }
        return lines;
    }

    /**
     * The movements of a period with the year-end closing entries in it taken out: what the
     * income statement of a closed year shows (its income and expenses, not the zeroes the closing
     * entry leaves).
     */
    public List<AccountLine> betweenBeforeClosing(LocalDate from, LocalDate to) throws SQLException {
        return withoutClosing(between(from, to), from, to);
    }

    private List<AccountLine> withoutClosing(List<AccountLine> lines, LocalDate from, LocalDate to)
            throws SQLException {
        Map<UUID, BigDecimal[]> closing = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(CLOSING)) {
            statement.setObject(1, ledId);
            statement.setString(2, EntryKind.CLOSING.name());
            statement.setObject(3, from);
            statement.setObject(4, to);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    closing.put(rs.getObject(1, UUID.class),
                            new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
                }
            }
        }
        if (closing.isEmpty()) {
            return lines;
        }
        List<AccountLine> adjusted = new ArrayList<>(lines.size());
        for (AccountLine line : lines) {
            BigDecimal[] sums = closing.get(line.accountId());
            adjusted.add(sums == null ? line
                    : line.withSums(line.debits().subtract(sums[0]), line.credits().subtract(sums[1])));
        }
        return adjusted;
    }
}
