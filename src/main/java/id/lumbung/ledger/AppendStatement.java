package id.lumbung.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;

/**
 * The one statement that puts entries into the books: it inserts numbered, hashed entries and
 * their postings, moves the accounts' running totals and daily movements, and advances the
 * journal heads, for any number of entries of any number of LEDs in one round trip. A single
 * append inside a caller's transaction and a group commit of many use the same statement, so rows
 * reach the ledger tables one way only.
 *
 * <p>The caller holds the head lock of every LED involved and passes each LED's entries in number
 * order, continuing its chain; the database's chain trigger checks every row against the entry
 * inserted before it, including those inserted earlier by this statement.
 */
final class AppendStatement {

    private static final String SQL = """
            WITH entries AS (
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::varchar[],
                                     ?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[], ?::uuid[], ?::varchar[],
                                     ?::varchar[])
                    WITH ORDINALITY AS e(led_id, id, number, effective_date, recorded_at, recorded_by, kind,
                                         description, reference_type, reference_id, reverses_id, hash, previous_hash,
                                         position)
            ), lines AS (
                SELECT l.led_id, l.entry_id, l.line, l.account_id, l.side, l.amount, l.entry_number,
                       l.effective_date::date AS effective_date
                  FROM unnest(?::uuid[], ?::uuid[], ?::smallint[], ?::uuid[], ?::varchar[], ?::numeric[], ?::bigint[],
                              ?::text[])
                    AS l(led_id, entry_id, line, account_id, side, amount, entry_number, effective_date)
            ), inserted AS (
                INSERT INTO journal_entry (led_id, id, number, effective_date, recorded_at, recorded_by, kind,
                                           description, reference_type, reference_id, reverses_id, hash, previous_hash)
                SELECT led_id, id, number, effective_date::date, recorded_at::timestamptz, recorded_by, kind,
                       description, reference_type, reference_id, reverses_id, hash, previous_hash
                  FROM entries ORDER BY position
            ), postings AS (
                INSERT INTO posting (led_id, entry_id, line, account_id, side, amount, entry_number, effective_date)
                SELECT led_id, entry_id, line, account_id, side, amount, entry_number, effective_date FROM lines
            ), totals AS (
                SELECT led_id, account_id, effective_date,
                       coalesce(sum(amount) FILTER (WHERE side = 'DEBIT'), 0) AS debits,
                       coalesce(sum(amount) FILTER (WHERE side = 'CREDIT'), 0) AS credits
                  FROM lines GROUP BY led_id, account_id, effective_date
            ), balances AS (
                UPDATE account a
                   SET debits_posted = a.debits_posted + t.debits, credits_posted = a.credits_posted + t.credits
                  FROM (SELECT led_id, account_id, sum(debits) AS debits, sum(credits) AS credits
                          FROM totals GROUP BY led_id, account_id) t
                 WHERE a.led_id = t.led_id AND a.id = t.account_id
                RETURNING a.id
            ), daily AS (
                INSERT INTO account_daily_movement AS m (led_id, account_id, day, debits, credits)
                SELECT led_id, account_id, effective_date, debits, credits FROM totals
                ON CONFLICT (led_id, account_id, day)
                DO UPDATE SET debits = m.debits + excluded.debits, credits = m.credits + excluded.credits
            ), heads AS (
                UPDATE journal_head h SET last_number = e.number, last_hash = e.hash
                  FROM (SELECT DISTINCT ON (led_id) led_id, number, hash FROM entries ORDER BY led_id, number DESC) e
                 WHERE h.led_id = e.led_id
            )
            SELECT count(*) FROM balances""";

    /** An entry ready to be written, with the accounts its postings name. */
    record Row(PostedEntry entry, Map<String, AccountRef> accounts) {
    }

    private AppendStatement() {
    }

    /** Writes the rows in one statement; runs in the caller's transaction, which holds their LEDs' head locks. */
    static void execute(Connection connection, List<Row> rows) throws SQLException {
        Columns entries = new Columns(rows.size());
        int lineCount = rows.stream().mapToInt(row -> row.entry().lines().size()).sum();
        Columns lines = new Columns(lineCount);
        Set<List<UUID>> touched = new HashSet<>();
        for (Row row : rows) {
            PostedEntry entry = row.entry();
            entries.add(entry.ledId(), entry.id(), entry.number(), entry.effectiveDate().toString(),
                    entry.recordedAt().toString(), entry.recordedBy(), entry.kind().name(), entry.description(),
                    entry.reference() == null ? null : entry.reference().type(),
                    entry.reference() == null ? null : entry.reference().id(), entry.reverses(), entry.hash(),
                    entry.previousHash());
            for (PostedEntry.Line line : entry.lines()) {
                UUID accountId = row.accounts().get(line.account()).id();
                lines.add(entry.ledId(), entry.id(), (short) line.line(), accountId, line.side().name(),
                        line.amount().value(), entry.number(), entry.effectiveDate().toString());
                touched.add(List.of(entry.ledId(), accountId));
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            int p = 1;
            p = entries.bind(connection, statement, p, "uuid", "uuid", "bigint", "text", "text", "varchar", "varchar",
                    "varchar", "varchar", "uuid", "uuid", "varchar", "varchar");
            lines.bind(connection, statement, p, "uuid", "uuid", "smallint", "uuid", "varchar", "numeric", "bigint",
                    "text");
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (result.getLong(1) != touched.size()) {
                    // The foreign keys refuse an unknown account; this catches an account id of another LED.
                    throw new ApiException(ProblemType.UNKNOWN_ACCOUNT, "a posting names an account of another LED");
                }
            }
        }
    }

    /** Column-wise arrays, the shape unnest() takes them in. */
    private static final class Columns {

        private final List<List<Object>> columns = new ArrayList<>();
        private final int capacity;

        Columns(int capacity) {
            this.capacity = capacity;
        }

        void add(Object... values) {
            if (columns.isEmpty()) {
                for (int i = 0; i < values.length; i++) {
                    columns.add(new ArrayList<>(capacity));
                }
            }
            for (int i = 0; i < values.length; i++) {
                columns.get(i).add(values[i]);
            }
        }

        int bind(Connection connection, PreparedStatement statement, int first, String... types) throws SQLException {
            int p = first;
            for (int i = 0; i < types.length; i++) {
                Object[] values = columns.get(i).toArray(arrayOf(types[i], columns.get(i).size()));
                statement.setArray(p++, connection.createArrayOf(types[i], values));
            }
            return p;
        }

        private static Object[] arrayOf(String type, int size) {
            return switch (type) {
                case "uuid" -> new UUID[size];
                case "bigint" -> new Long[size];
                case "smallint" -> new Short[size];
                case "numeric" -> new BigDecimal[size];
                default -> new String[size];
            };
        }
    }
}
