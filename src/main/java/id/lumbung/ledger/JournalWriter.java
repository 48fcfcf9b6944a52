package id.lumbung.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.util.PSQLException;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;

/**
 * The only code that writes journal entries, postings and balances. Per entry it makes two round
 * trips inside the caller's transaction: lock the LED's journal head (number, previous hash,
 * closed period), then one statement that inserts the entry and its postings and moves the
 * running and daily balances. The head lock serialises one LED's writes — which gapless numbers
 * and a hash chain require — and is held only for those two statements and the commit.
 */
@ApplicationScoped
public class JournalWriter {

    private static final String LOCK_HEAD = """
            SELECT last_number, last_hash, closed_through FROM journal_head WHERE led_id = ? FOR UPDATE""";

    private static final String APPEND = """
            WITH lines AS (
                SELECT * FROM unnest(?::smallint[], ?::uuid[], ?::varchar[], ?::numeric[])
                    AS l(line, account_id, side, amount)
            ), entry AS (
                INSERT INTO journal_entry (led_id, id, number, effective_date, recorded_at, recorded_by, kind,
                                           description, reference_type, reference_id, reverses_id, hash, previous_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ), postings AS (
                INSERT INTO posting (led_id, entry_id, line, account_id, side, amount, entry_number, effective_date)
                SELECT ?, ?, line, account_id, side, amount, ?, ? FROM lines
            ), totals AS (
                SELECT account_id,
                       coalesce(sum(amount) FILTER (WHERE side = 'DEBIT'), 0) AS debits,
                       coalesce(sum(amount) FILTER (WHERE side = 'CREDIT'), 0) AS credits
                  FROM lines GROUP BY account_id
            ), balances AS (
                UPDATE account a
                   SET debits_posted = a.debits_posted + t.debits, credits_posted = a.credits_posted + t.credits
                  FROM totals t
                 WHERE a.led_id = ? AND a.id = t.account_id
                RETURNING a.id
            ), daily AS (
                INSERT INTO account_daily_movement AS m (led_id, account_id, day, debits, credits)
                SELECT ?, account_id, ?, debits, credits FROM totals
                ON CONFLICT (led_id, account_id, day)
                DO UPDATE SET debits = m.debits + excluded.debits, credits = m.credits + excluded.credits
            ), head AS (
                UPDATE journal_head SET last_number = ?, last_hash = ? WHERE led_id = ?
            )
            SELECT count(*) FROM balances""";

    private final DataSource dataSource;

    public JournalWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends a validated draft whose accounts are resolved; runs inside the caller's transaction. */
    PostedEntry append(EntryDraft draft, Map<String, AccountRef> accounts, String recordedBy, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            Head head = lockHead(connection, draft.ledId());
            if (head.closedThrough() != null && !draft.effectiveDate().isAfter(head.closedThrough())) {
                throw periodClosed(head.closedThrough(), draft.effectiveDate());
            }
            List<PostedEntry.Line> lines = new ArrayList<>(draft.lines().size());
            for (int i = 0; i < draft.lines().size(); i++) {
                EntryDraft.Line line = draft.lines().get(i);
                lines.add(new PostedEntry.Line(i + 1, line.account(), line.side(), line.amount()));
            }
            PostedEntry unsigned = new PostedEntry(draft.ledId(), Ids.next(), head.lastNumber() + 1,
                    draft.effectiveDate(), EntryHasher.storable(now), recordedBy, draft.kind(), draft.description(),
                    draft.reference(), draft.reverses(), null, lines, null, head.lastHash());
            PostedEntry entry = withHash(unsigned, EntryHasher.hash(unsigned));
            insert(connection, entry, accounts);
            return entry;
        } catch (SQLException e) {
            throw translate(e, draft, accounts);
        }
    }

    private record Head(long lastNumber, String lastHash, LocalDate closedThrough) {
    }

    private static Head lockHead(Connection connection, UUID ledId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_HEAD)) {
            statement.setObject(1, ledId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw ApiException.notFound("LED " + ledId);
                }
                return new Head(row.getLong(1), row.getString(2), row.getObject(3, LocalDate.class));
            }
        }
    }

    private static void insert(Connection connection, PostedEntry entry, Map<String, AccountRef> accounts)
            throws SQLException {
        int size = entry.lines().size();
        Short[] lineNumbers = new Short[size];
        UUID[] accountIds = new UUID[size];
        String[] sides = new String[size];
        BigDecimal[] amounts = new BigDecimal[size];
        for (int i = 0; i < size; i++) {
            PostedEntry.Line line = entry.lines().get(i);
            lineNumbers[i] = (short) line.line();
            accountIds[i] = accounts.get(line.account()).id();
            sides[i] = line.side().name();
            amounts[i] = line.amount().value();
        }
        try (PreparedStatement statement = connection.prepareStatement(APPEND)) {
            int p = 1;
            statement.setArray(p++, connection.createArrayOf("smallint", lineNumbers));
            statement.setArray(p++, connection.createArrayOf("uuid", accountIds));
            statement.setArray(p++, connection.createArrayOf("varchar", sides));
            statement.setArray(p++, connection.createArrayOf("numeric", amounts));
            // entry
            statement.setObject(p++, entry.ledId());
            statement.setObject(p++, entry.id());
            statement.setLong(p++, entry.number());
            statement.setObject(p++, entry.effectiveDate());
            statement.setObject(p++, OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC));
            statement.setString(p++, entry.recordedBy());
            statement.setString(p++, entry.kind().name());
            statement.setString(p++, entry.description());
            if (entry.reference() == null) {
                statement.setNull(p++, Types.VARCHAR);
                statement.setNull(p++, Types.OTHER);
            } else {
                statement.setString(p++, entry.reference().type());
                statement.setObject(p++, entry.reference().id());
            }
            if (entry.reverses() == null) {
                statement.setNull(p++, Types.OTHER);
            } else {
                statement.setObject(p++, entry.reverses());
            }
            statement.setString(p++, entry.hash());
            statement.setString(p++, entry.previousHash());
            // postings
            statement.setObject(p++, entry.ledId());
            statement.setObject(p++, entry.id());
            statement.setLong(p++, entry.number());
            statement.setObject(p++, entry.effectiveDate());
            // balances
            statement.setObject(p++, entry.ledId());
            // daily movements
            statement.setObject(p++, entry.ledId());
            statement.setObject(p++, entry.effectiveDate());
            // head
            statement.setLong(p++, entry.number());
            statement.setString(p++, entry.hash());
            statement.setObject(p, entry.ledId());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long updated = row.getLong(1);
                long distinct = java.util.Arrays.stream(accountIds).distinct().count();
                if (updated != distinct) {
                    throw new ApiException(ProblemType.UNKNOWN_ACCOUNT, "a posting names an account of another LED");
                }
            }
        }
    }

    private static PostedEntry withHash(PostedEntry e, String hash) {
        return new PostedEntry(e.ledId(), e.id(), e.number(), e.effectiveDate(), e.recordedAt(), e.recordedBy(),
                e.kind(), e.description(), e.reference(), e.reverses(), e.reversedBy(), e.lines(), hash,
                e.previousHash());
    }

    static ApiException periodClosed(LocalDate closedThrough, LocalDate effectiveDate) {
        return new ApiException(ProblemType.PERIOD_CLOSED, "books of this LED are closed through " + closedThrough
                + "; " + effectiveDate + " lies inside a closed period");
    }

    /** Turns what the database refused into the problem the caller can act on. */
    private static RuntimeException translate(SQLException e, EntryDraft draft, Map<String, AccountRef> accounts) {
        String constraint = e instanceof PSQLException pg && pg.getServerErrorMessage() != null
                ? String.valueOf(pg.getServerErrorMessage().getConstraint())
                : "";
        return switch (constraint) {
            case "account_no_negative" -> new ApiException(ProblemType.INSUFFICIENT_FUNDS,
                    "the entry would take " + reducedNoNegative(draft, accounts) + " below zero");
            case "journal_entry_reversed_once" -> new ApiException(ProblemType.ENTRY_ALREADY_REVERSED,
                    "entry " + draft.reverses() + " has already been reversed");
            case "journal_entry_period_open" -> new ApiException(ProblemType.PERIOD_CLOSED,
                    "the period of " + draft.effectiveDate() + " is closed");
            case "posting_led_id_account_id_fkey" -> new ApiException(ProblemType.UNKNOWN_ACCOUNT,
                    "a posting names an account that does not exist");
            case "journal_entry_follows_chain", "journal_entry_number_unique" -> new ApiException(
                    ProblemType.CONCURRENT_UPDATE, "the journal moved on while this entry was written; retry");
            default -> new IllegalStateException("posting failed: " + e.getSQLState(), e);
        };
    }

    /** The no-negative accounts this entry takes money out of: the candidates for the refusal. */
    private static String reducedNoNegative(EntryDraft draft, Map<String, AccountRef> accounts) {
        List<String> codes = draft.lines().stream()
                .filter(line -> {
                    AccountRef account = accounts.get(line.account());
                    return account != null && account.noNegative() && line.side() != account.normalSide();
                })
                .map(EntryDraft.Line::account)
                .distinct()
                .toList();
        return codes.isEmpty() ? "a no-negative account" : "account " + String.join(", ", codes);
    }
}
