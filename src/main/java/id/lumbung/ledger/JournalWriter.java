package id.lumbung.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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
 * Appends one entry inside the caller's transaction, so that a business operation commits its
 * record and its entry together. Two round trips: lock the LED's journal head (number, previous
 * hash, closed period), then the {@link AppendStatement} that writes the entry, its postings and
 * balances. The head lock serialises one LED's writes, which gapless numbers and a hash chain
 * require, and is held for those two statements and the commit.
 */
@ApplicationScoped
public class JournalWriter {

    private static final String LOCK_HEAD = """
            SELECT last_number, last_hash, closed_through FROM journal_head WHERE led_id = ? FOR UPDATE""";

    private final DataSource dataSource;

    public JournalWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends a validated draft whose accounts are resolved; runs inside the caller's transaction. */
    PostedEntry append(EntryDraft draft, Map<String, AccountRef> accounts, String recordedBy, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            Head head = lockHead(connection, draft.ledId());
            // A year-end CLOSING entry may land in a closed year: the database admits it only while its
            // year-end close is being approved (V21), and refuses every other CLOSING entry.
            if (head.closes(draft.effectiveDate()) && draft.kind() != EntryKind.CLOSING) {
                throw periodClosed(head.closedThrough(), draft.effectiveDate());
            }
            PostedEntry entry = chain(draft, head.lastNumber() + 1, head.lastHash(), recordedBy, now);
            AppendStatement.execute(connection, List.of(new AppendStatement.Row(entry, accounts)));
            return entry;
        } catch (SQLException e) {
            throw translate(e, draft, accounts);
        }
    }

    /**
     * The draft as the entry numbered {@code number} that follows {@code previousHash} in its LED's
     * chain, recorded now by {@code recordedBy}, with its hash.
     */
    static PostedEntry chain(EntryDraft draft, long number, String previousHash, String recordedBy, Instant now) {
        List<PostedEntry.Line> lines = new ArrayList<>(draft.lines().size());
        for (int i = 0; i < draft.lines().size(); i++) {
            EntryDraft.Line line = draft.lines().get(i);
            lines.add(new PostedEntry.Line(i + 1, line.account(), line.side(), line.amount()));
        }
        PostedEntry unsigned = new PostedEntry(draft.ledId(), Ids.next(), number, draft.effectiveDate(),
                EntryHasher.storable(now), recordedBy, draft.kind(), draft.description(), draft.reference(),
                draft.reverses(), null, lines, null, previousHash);
        return withHash(unsigned, EntryHasher.hash(unsigned));
    }

    /** An LED's journal head as locked: the last entry's number and hash, and the closed period. */
    record Head(long lastNumber, String lastHash, LocalDate closedThrough) {

        boolean closes(LocalDate effectiveDate) {
            return closedThrough != null && !effectiveDate.isAfter(closedThrough);
        }

        /** The head once {@code entry} follows it. */
        Head after(PostedEntry entry) {
            return new Head(entry.number(), entry.hash(), closedThrough);
        }
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

    private static PostedEntry withHash(PostedEntry e, String hash) {
        return new PostedEntry(e.ledId(), e.id(), e.number(), e.effectiveDate(), e.recordedAt(), e.recordedBy(),
                e.kind(), e.description(), e.reference(), e.reverses(), e.reversedBy(), e.lines(), hash,
                e.previousHash());
    }

    static ApiException periodClosed(LocalDate closedThrough, LocalDate effectiveDate) {
        return new ApiException(ProblemType.PERIOD_CLOSED, "books of this LED are closed through " + closedThrough
                + "; " + effectiveDate + " lies inside a closed period");
    }

    /** 409 {@code insufficient-funds}: {@code what} (e.g. "account 1-1100") would go below zero. */
    static ApiException insufficientFunds(String what) {
        return new ApiException(ProblemType.INSUFFICIENT_FUNDS, "the entry would take " + what + " below zero");
    }

    /** Turns what the database refused into the problem the caller can act on. */
    private static RuntimeException translate(SQLException e, EntryDraft draft, Map<String, AccountRef> accounts) {
        String constraint = e instanceof PSQLException pg && pg.getServerErrorMessage() != null
                ? String.valueOf(pg.getServerErrorMessage().getConstraint())
                : "";
        return switch (constraint) {
            case "account_no_negative" -> insufficientFunds(reducedNoNegative(draft, accounts));
            case "journal_entry_reversed_once" -> new ApiException(ProblemType.ENTRY_ALREADY_REVERSED,
                    "entry " + draft.reverses() + " has already been reversed");
            case "journal_entry_closing_by_year_end" -> new ApiException(ProblemType.KIND_NOT_ALLOWED,
                    "a CLOSING entry is written only by the approval of a year-end close");
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
