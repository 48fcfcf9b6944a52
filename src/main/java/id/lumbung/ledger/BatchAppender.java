package id.lumbung.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.idempotency.IdempotencyStore;
import id.lumbung.platform.idempotency.IdempotentRequest;

/**
 * Writes one group of pending entries in one transaction of its own: lock the journal heads of
 * their LEDs, settle the requests that need no writing (retries, keys in flight, closed periods,
 * overdrafts), write the rest with one {@link AppendStatement}, store their idempotent answers,
 * commit. Every entry's outcome is decided exactly as the single append would decide it.
 *
 * <p>Heads are locked with {@code SKIP LOCKED}: an LED whose journal another transaction holds (a
 * grant being recorded, a period being closed) is left out and its entries are posted alone, so
 * the group never waits for one LED and LEDs never wait for each other.
 */
@ApplicationScoped
public class BatchAppender {

    private static final Logger LOG = Logger.getLogger(BatchAppender.class);

    private static final String LOCK_HEADS = """
            SELECT led_id, last_number, last_hash, closed_through FROM journal_head
             WHERE led_id = ANY(?) FOR UPDATE SKIP LOCKED""";

    private static final String BALANCES = """
            SELECT a.led_id, a.id, a.debits_posted, a.credits_posted
              FROM unnest(?::uuid[], ?::uuid[]) AS k(led_id, id)
              JOIN account a ON a.led_id = k.led_id AND a.id = k.id""";

    /** An account of one LED. */
    private record AccountKey(UUID ledId, UUID accountId) {
    }

    private final DataSource dataSource;
    private final IdempotencyStore idempotency;
    private final Clock clock = Clock.systemUTC();

    public BatchAppender(DataSource dataSource, IdempotencyStore idempotency) {
        this.dataSource = dataSource;
        this.idempotency = idempotency;
    }

    /** Writes the group and completes every entry's outcome; never throws. */
    void write(List<PendingAppend> group) {
        Map<PendingAppend, AppendOutcome> outcomes = new IdentityHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Map<PendingAppend, AppendOutcome> written;
            try {
                written = append(connection, group, outcomes);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                LOG.debugf("group of %d entries rolled back (%s); its entries are posted alone", group.size(),
                        e instanceof SQLException sql ? sql.getSQLState() : e.getClass().getSimpleName());
                return;
            }
            try {
                connection.commit();
                outcomes.putAll(written);
            } catch (SQLException e) {
                if (commitOutcomeUnknown(e)) {
                    IllegalStateException unknown = new IllegalStateException(
                            "the connection broke while committing; whether the entry was posted is unknown", e);
                    written.keySet().forEach(pending -> outcomes.put(pending, new AppendOutcome.Failed(unknown)));
                }
                LOG.debugf("group of %d entries failed at commit (%s)", group.size(), e.getSQLState());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("group commit could not use the database (%s); its entries are posted alone",
                    e instanceof SQLException sql ? sql.getSQLState() : e.getClass().getSimpleName());
        } finally {
            // Whatever was not decided is posted alone: in a transaction of its own, with its own error.
            group.forEach(pending -> pending.outcome()
                    .complete(outcomes.getOrDefault(pending, AppendOutcome.POST_ALONE)));
        }
    }

    /**
     * Decides into {@code outcomes} what needs no writing and writes the rest; returns the
     * outcomes of the written entries, which hold once the transaction commits.
     */
    private Map<PendingAppend, AppendOutcome> append(Connection connection, List<PendingAppend> group,
            Map<PendingAppend, AppendOutcome> outcomes) throws SQLException {
        Map<UUID, JournalWriter.Head> heads = lockHeads(connection, group);
        List<PendingAppend> open = new ArrayList<>();
        for (PendingAppend pending : group) {
            if (heads.containsKey(pending.ledId())) {
                open.add(pending);
            } else {
                outcomes.put(pending, AppendOutcome.POST_ALONE);
            }
        }
        settleRetries(connection, open, outcomes);
        refuseClosedPeriods(open, heads, outcomes);
        refuseOverdrafts(connection, open, outcomes);
        if (open.isEmpty()) {
            return Map.of();
        }

        Instant now = Instant.now(clock);
        List<AppendStatement.Row> rows = new ArrayList<>(open.size());
        Map<PendingAppend, AppendOutcome> written = new IdentityHashMap<>();
        List<IdempotentRequest> keys = new ArrayList<>();
        List<Created> answers = new ArrayList<>();
        for (PendingAppend pending : open) {
            JournalWriter.Head head = heads.get(pending.ledId());
            PostedEntry entry = JournalWriter.chain(pending.draft(), head.lastNumber() + 1, head.lastHash(),
                    pending.recordedBy(), now);
            heads.put(pending.ledId(), head.after(entry));
            rows.add(new AppendStatement.Row(entry, pending.accounts()));
            Created answer = null;
            if (pending.idempotency() != null) {
                answer = pending.answer().apply(entry);
                keys.add(pending.idempotency());
                answers.add(answer);
            }
            written.put(pending, new AppendOutcome.Posted(entry, answer));
        }
        AppendStatement.execute(connection, rows);
        if (!keys.isEmpty()) {
            idempotency.store(connection, keys, answers);
        }
        return written;
    }

    private static Map<UUID, JournalWriter.Head> lockHeads(Connection connection, List<PendingAppend> group)
            throws SQLException {
        UUID[] leds = group.stream().map(PendingAppend::ledId).distinct().toArray(UUID[]::new);
        Map<UUID, JournalWriter.Head> heads = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(LOCK_HEADS)) {
            statement.setArray(1, connection.createArrayOf("uuid", leds));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    heads.put(row.getObject(1, UUID.class), new JournalWriter.Head(row.getLong(2), row.getString(3),
                            row.getObject(4, LocalDate.class)));
                }
            }
        }
        return heads;
    }

    /**
     * Requests sent with a key are settled as {@link IdempotencyService} settles one, through the
     * same {@link IdempotencyStore#settle}: in flight, replayed or reused keys need no writing. The
     * rest stay {@code open}, their keys held until the commit.
     */
    private void settleRetries(Connection connection, List<PendingAppend> open,
            Map<PendingAppend, AppendOutcome> outcomes) throws SQLException {
        List<PendingAppend> keyed = open.stream().filter(pending -> pending.idempotency() != null).toList();
        if (keyed.isEmpty()) {
            return;
        }
        List<IdempotencyStore.Standing> standings = idempotency.settle(connection,
                keyed.stream().map(PendingAppend::idempotency).toList());
        for (int i = 0; i < keyed.size(); i++) {
            IdempotencyStore.Standing standing = standings.get(i);
            if (standing.refusal() != null) {
                outcomes.put(keyed.get(i), new AppendOutcome.Refused(standing.refusal()));
            } else if (standing.replay() != null) {
                outcomes.put(keyed.get(i), new AppendOutcome.Replayed(standing.replay()));
            }
        }
        open.removeIf(outcomes::containsKey);
    }

    private static void refuseClosedPeriods(List<PendingAppend> open, Map<UUID, JournalWriter.Head> heads,
            Map<PendingAppend, AppendOutcome> outcomes) {
        for (PendingAppend pending : open) {
            JournalWriter.Head head = heads.get(pending.ledId());
            LocalDate date = pending.draft().effectiveDate();
            if (head.closes(date)) {
                outcomes.put(pending,
                        new AppendOutcome.Refused(JournalWriter.periodClosed(head.closedThrough(), date)));
            }
        }
        open.removeIf(outcomes::containsKey);
    }

    /**
     * Refuses, in order, each entry that would take a no-negative account below zero, exactly as
     * posting the entries one after another would. The database checks only each account's total
     * after the whole statement, which could hide a dip in between; its check stays the backstop.
     * The balances cannot move meanwhile: every balance change holds its LED's head, as this does.
     */
    private static void refuseOverdrafts(Connection connection, List<PendingAppend> open,
            Map<PendingAppend, AppendOutcome> outcomes) throws SQLException {
        Map<AccountKey, AccountRef> guarded = new LinkedHashMap<>();
        for (PendingAppend pending : open) {
            for (EntryDraft.Line line : pending.draft().lines()) {
                AccountRef account = pending.accounts().get(line.account());
                if (account.noNegative() && line.side() != account.normalSide()) {
                    guarded.put(new AccountKey(pending.ledId(), account.id()), account);
                }
            }
        }
        if (guarded.isEmpty()) {
            return;
        }
        Map<AccountKey, BigDecimal> balances = balances(connection, guarded);
        for (PendingAppend pending : open) {
            Map<AccountKey, BigDecimal> after = new LinkedHashMap<>();
            for (EntryDraft.Line line : pending.draft().lines()) {
                AccountRef account = pending.accounts().get(line.account());
                AccountKey key = new AccountKey(pending.ledId(), account.id());
                if (guarded.containsKey(key)) {
                    BigDecimal amount = line.amount().value();
                    BigDecimal change = line.side() == account.normalSide() ? amount : amount.negate();
                    after.put(key, after.getOrDefault(key, balances.get(key)).add(change));
                }
            }
            List<String> overdrawn = after.entrySet().stream()
                    .filter(balance -> balance.getValue().signum() < 0)
                    .map(balance -> guarded.get(balance.getKey()).code())
                    .toList();
            if (overdrawn.isEmpty()) {
                balances.putAll(after);
            } else {
                outcomes.put(pending, new AppendOutcome.Refused(
                        JournalWriter.insufficientFunds("account " + String.join(", ", overdrawn))));
            }
        }
        open.removeIf(outcomes::containsKey);
    }

    /** Balances on each account's normal side, so that below zero means overdrawn. */
    private static Map<AccountKey, BigDecimal> balances(Connection connection, Map<AccountKey, AccountRef> accounts)
            throws SQLException {
        Map<AccountKey, BigDecimal> balances = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(BALANCES)) {
            statement.setArray(1, connection.createArrayOf("uuid",
                    accounts.keySet().stream().map(AccountKey::ledId).toArray(UUID[]::new)));
            statement.setArray(2, connection.createArrayOf("uuid",
                    accounts.keySet().stream().map(AccountKey::accountId).toArray(UUID[]::new)));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    AccountKey key = new AccountKey(row.getObject(1, UUID.class), row.getObject(2, UUID.class));
                    BigDecimal debitBalance = row.getBigDecimal(3).subtract(row.getBigDecimal(4));
                    balances.put(key, accounts.get(key).normalSide() == Side.DEBIT
                            ? debitBalance : debitBalance.negate());
                }
            }
        }
        return balances;
    }

    /** A broken connection during COMMIT leaves the outcome unknown; any other failure rolled back. */
    private static boolean commitOutcomeUnknown(SQLException e) {
        return e.getSQLState() == null || e.getSQLState().startsWith("08");
    }
}
