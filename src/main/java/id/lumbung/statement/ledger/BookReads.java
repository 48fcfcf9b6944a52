package id.lumbung.statement.ledger;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.AccountType;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.Side;

/**
 * The queries behind the account ledger and the cash book, all on the statement's snapshot
 * connection and each one bounded: a page is an index range from its cursor (per book account, at
 * most a page each, merged); a balance is a sum of daily-movement rows plus, at most, the postings of
 * the cursor's own day; a page's counter-accounts are one query for all its entries. Nothing sums an
 * account's history of postings.
 */
final class BookReads {

    private static final String ACCOUNT = """
            SELECT id, code, name, type, normal_side FROM account WHERE led_id = ? AND code = ?""";

    /** Cash and bank and every account below them, however deep the chart nests them. */
    private static final String CASH_AND_BANK = """
            WITH RECURSIVE book AS (
                SELECT id FROM account WHERE led_id = ? AND purpose IN (?, ?)
                UNION
                SELECT a.id FROM account a JOIN book b ON a.parent_id = b.id WHERE a.led_id = ?)
            SELECT a.id, a.code, a.name, a.type, a.normal_side
              FROM account a JOIN book b ON b.id = a.id
             WHERE a.led_id = ?
             ORDER BY a.code""";

    /**
     * Up to {@code limit} postings after a key, per book account through the V19 index, then merged:
     * at most accounts × limit rows are read, however long the history.
     */
    private static final String PAGE = """
            SELECT p.effective_date, p.entry_number, p.line, p.account_id, p.entry_id, p.side, p.amount,
                   e.description, e.kind
              FROM unnest(?::uuid[]) AS b(account_id)
              CROSS JOIN LATERAL (
                    SELECT q.effective_date, q.entry_number, q.line, q.account_id, q.entry_id, q.side, q.amount
                      FROM posting q
                     WHERE q.led_id = ? AND q.account_id = b.account_id
                       AND (q.effective_date, q.entry_number, q.line) > (?, ?, ?)
                       AND q.effective_date <= ?
                     ORDER BY q.effective_date, q.entry_number, q.line
                     LIMIT ?) p
              JOIN journal_entry e ON e.led_id = ? AND e.id = p.entry_id
             ORDER BY p.effective_date, p.entry_number, p.line
             LIMIT ?""";

    /** Debits minus credits of the book's accounts on every day before one. */
    private static final String NET_BEFORE_DAY = """
            SELECT coalesce(sum(debits), 0) - coalesce(sum(credits), 0) FROM account_daily_movement
             WHERE led_id = ? AND account_id = ANY(?::uuid[]) AND day < ?""";

    /** Debits minus credits of the book's postings on a key's day, up to and including the key. */
    private static final String NET_OF_DAY_UP_TO = """
            SELECT coalesce(sum(CASE WHEN side = 'DEBIT' THEN amount ELSE -amount END), 0) FROM posting
             WHERE led_id = ? AND account_id = ANY(?::uuid[]) AND effective_date = ?
               AND (entry_number, line) <= (?, ?)""";

    /** Every account each entry of a page posts to, in line order, for all the page's entries at once. */
    private static final String ENTRY_ACCOUNTS = """
            SELECT p.entry_id, p.account_id, a.code, a.name
              FROM posting p JOIN account a ON a.led_id = p.led_id AND a.id = p.account_id
             WHERE p.led_id = ? AND p.entry_id = ANY(?::uuid[])
             ORDER BY p.entry_id, p.line""";

    /** An account of an entry, as a counter-account is shown. */
    record EntryAccount(UUID accountId, String code, String name) {
    }

    private final Connection connection;
    private final UUID ledId;

    BookReads(Connection connection, UUID ledId) {
        this.connection = connection;
        this.ledId = ledId;
    }

    Optional<BookAccount> account(String code) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ACCOUNT)) {
            statement.setObject(1, ledId);
            statement.setString(2, code);
            List<BookAccount> found = accounts(statement);
            return found.stream().findFirst();
        }
    }

    /** The cash book's accounts, found by purpose (an older LED's codes may differ from the defaults). */
    List<BookAccount> cashAndBank() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CASH_AND_BANK)) {
            statement.setObject(1, ledId);
            statement.setString(2, AccountPurpose.CASH.name());
            statement.setString(3, AccountPurpose.BANK.name());
            statement.setObject(4, ledId);
            statement.setObject(5, ledId);
            return accounts(statement);
        }
    }

    private static List<BookAccount> accounts(PreparedStatement statement) throws SQLException {
        List<BookAccount> accounts = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                accounts.add(new BookAccount(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        AccountType.valueOf(rs.getString(4)), Side.valueOf(rs.getString(5))));
            }
        }
        return accounts;
    }

    /** Up to {@code limit} postings of the accounts after {@code after}, dated up to {@code to}. */
    List<BookPosting> page(List<BookAccount> accounts, PostingKey after, LocalDate to, int limit)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PAGE)) {
            statement.setArray(1, ids(accounts));
            statement.setObject(2, ledId);
            statement.setObject(3, after.day());
            statement.setLong(4, after.entryNumber());
            statement.setInt(5, after.line());
            statement.setObject(6, to);
            statement.setInt(7, limit);
            statement.setObject(8, ledId);
            statement.setInt(9, limit);
            List<BookPosting> postings = new ArrayList<>(limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    postings.add(new BookPosting(new PostingKey(rs.getObject(1, LocalDate.class), rs.getLong(2),
                            rs.getInt(3)), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                            Side.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getString(8),
                            EntryKind.valueOf(rs.getString(9))));
                }
            }
            return postings;
        }
    }

    /** Debits minus credits of the accounts up to and including a posting key. */
    BigDecimal netThrough(List<BookAccount> accounts, PostingKey key) throws SQLException {
        BigDecimal net = netBefore(accounts, key.day());
        if (key.entryNumber() == 0) {
            return net;
        }
        try (PreparedStatement statement = connection.prepareStatement(NET_OF_DAY_UP_TO)) {
            statement.setObject(1, ledId);
            statement.setArray(2, ids(accounts));
            statement.setObject(3, key.day());
            statement.setLong(4, key.entryNumber());
            statement.setInt(5, key.line());
            return net.add(single(statement));
        }
    }

    /** Debits minus credits of the accounts on every day before {@code day}. */
    BigDecimal netBefore(List<BookAccount> accounts, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(NET_BEFORE_DAY)) {
            statement.setObject(1, ledId);
            statement.setArray(2, ids(accounts));
            statement.setObject(3, day);
            return single(statement);
        }
    }

    /** Each entry's accounts in line order. */
    Map<UUID, List<EntryAccount>> entryAccounts(List<BookPosting> postings) throws SQLException {
        Map<UUID, List<EntryAccount>> accounts = new LinkedHashMap<>();
        if (postings.isEmpty()) {
            return accounts;
        }
        try (PreparedStatement statement = connection.prepareStatement(ENTRY_ACCOUNTS)) {
            statement.setObject(1, ledId);
            statement.setArray(2, connection.createArrayOf("uuid",
                    postings.stream().map(BookPosting::entryId).distinct().toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    accounts.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new EntryAccount(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return accounts;
    }

    private Array ids(List<BookAccount> accounts) throws SQLException {
        return connection.createArrayOf("uuid", accounts.stream().map(BookAccount::id).toArray());
    }

    private static BigDecimal single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
