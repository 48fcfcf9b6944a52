package id.lumbung.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.postgresql.ds.PGSimpleDataSource;

import id.lumbung.money.Amount;

/**
 * Fills one LED with the statements benchmark's books (issue 12, {@code scripts/bench/statements.sh},
 * docs/benchmarks.md): by default 500,000 two-line entries, 1,000,000 postings, over five years. It
 * writes them the one way rows reach the ledger tables, the {@link AppendStatement}, as the group commit
 * ({@link BatchAppender}) does: per batch one transaction that locks the LED's journal head, continues
 * the chain from it with {@link JournalWriter#chain}, appends the whole batch in one statement and
 * commits. So numbers, hashes, the chain trigger, the balance and posting triggers, running totals and
 * daily movements are all the real ones; no trigger or check is switched off.
 *
 * <p>It refuses what {@link PostingService} refuses before it appends: unbalanced entries, dates after
 * today in the LED's calendar ({@link LedCalendar}) and dates inside a closed period; {@link BenchEntryMix}
 * keeps no-negative accounts from going below zero, with the database's check as the backstop. The LED
 * and its accounts come from the service's API (the script creates them); this only posts.
 *
 * <p>Not a test (no {@code @Test}, and surefire does not pick the name up): it lives in the test sources
 * to reach the ledger's package-private append path without widening it. Run from the built
 * application's classpath:
 *
 * <pre>
 * java -cp 'target/test-classes:target/classes:target/quarkus-app/lib/main/*' \
 *   id.lumbung.ledger.BenchPostingGenerator --jdbc jdbc:postgresql://127.0.0.1:5432/lumbung_stbench \
 *   --user lumbung --password lumbung --led LED_ID [--entries 500000] [--batch 5000] [--years 5] [--seed 12]
 *   [--zone Asia/Jakarta]
 * </pre>
 */
public final class BenchPostingGenerator {

    /** As {@link JournalWriter} locks it: the row lock serialises the LED's writers. */
    private static final String LOCK_HEAD = """
            SELECT last_number, last_hash, closed_through FROM journal_head WHERE led_id = ? FOR UPDATE""";

    private static final Set<String> OPTIONS = Set.of("--jdbc", "--user", "--password", "--led", "--entries",
            "--batch", "--years", "--seed", "--zone");

    private final PGSimpleDataSource dataSource;
    private final UUID ledId;
    private final LedCalendar calendar;

    private BenchPostingGenerator(PGSimpleDataSource dataSource, UUID ledId, ZoneId zone) {
        this.dataSource = dataSource;
        this.ledId = ledId;
        this.calendar = new LedCalendar(dataSource, new LedgerConfig() {
            @Override
            public ZoneId zone() {
                return zone;
            }

            @Override
            public GroupCommit groupCommit() {
                throw new UnsupportedOperationException("the generator writes its own batches");
            }
        });
    }

    public static void main(String[] args) throws SQLException {
        Map<String, String> options = options(args);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(required(options, "--jdbc"));
        dataSource.setUser(options.getOrDefault("--user", "lumbung"));
        dataSource.setPassword(options.getOrDefault("--password", "lumbung"));
        UUID ledId = UUID.fromString(required(options, "--led"));
        long entries = Long.parseLong(options.getOrDefault("--entries", "500000"));
        int batch = Integer.parseInt(options.getOrDefault("--batch", "5000"));
        int years = Integer.parseInt(options.getOrDefault("--years", "5"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "12"));
        // The service's lumbung.ledger.zone; an LED with lending settings uses their zone instead.
        ZoneId zone = ZoneId.of(options.getOrDefault("--zone", "Asia/Jakarta"));
        if (entries < 2 || batch < 1 || years < 1) {
            throw new IllegalArgumentException("--entries >= 2, --batch >= 1 and --years >= 1, please");
        }
        new BenchPostingGenerator(dataSource, ledId, zone).run(entries, batch, years, seed);
    }

    private void run(long entries, int batch, int years, long seed) throws SQLException {
        LocalDate today = calendar.today(ledId);
        LocalDate first = today.minusYears(years).plusDays(1);
        BenchChart chart = BenchChart.read(dataSource, ledId);
        BenchEntryMix mix = new BenchEntryMix(ledId, chart, first, today, entries, seed);
        long started = System.nanoTime();
        long written = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            while (written < entries) {
                int size = (int) Math.min(batch, entries - written);
                List<EntryDraft> drafts = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    drafts.add(mix.next());
                }
                JournalWriter.Head head;
                try {
                    head = append(connection, drafts, chart.byCode());
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
                written += size;
                if (written % (batch * 10L) == 0 || written == entries) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.err.printf("bench-generator: %,d entries (%,d postings) in %.0f s, head #%d%n", written,
                            2 * written, seconds, head.lastNumber());
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("bench-generator: done: %,d entries from %s to %s in %.1f s (%,.0f entries/s)%n", entries,
                first, today, seconds, entries / seconds);
    }

    /**
     * One batch in the caller's transaction: lock the head, chain every entry after it, append them in
     * one statement. Returns the head the batch leaves.
     */
    private JournalWriter.Head append(Connection connection, List<EntryDraft> drafts,
            Map<String, AccountRef> accounts) throws SQLException {
        JournalWriter.Head head = lockHead(connection);
        LocalDate today = calendar.today(ledId);
        Instant now = Instant.now();
        List<AppendStatement.Row> rows = new ArrayList<>(drafts.size());
        for (EntryDraft draft : drafts) {
            requirePostable(draft, head, today);
            PostedEntry entry = JournalWriter.chain(draft, head.lastNumber() + 1, head.lastHash(),
                    BenchEntryMix.recordedBy(), now);
            head = head.after(entry);
            rows.add(new AppendStatement.Row(entry, accounts));
        }
        AppendStatement.execute(connection, rows);
        return head;
    }

    private JournalWriter.Head lockHead(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_HEAD)) {
            statement.setObject(1, ledId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no journal head for LED " + ledId);
                }
                return new JournalWriter.Head(row.getLong(1), row.getString(2), row.getObject(3, LocalDate.class));
            }
        }
    }

    /** What the posting service checks before an entry is appended (balanced, not future, period open). */
    private static void requirePostable(EntryDraft draft, JournalWriter.Head head, LocalDate today) {
        Amount debits = Amount.ZERO;
        Amount credits = Amount.ZERO;
        for (EntryDraft.Line line : draft.lines()) {
            if (!line.amount().isPositive()) {
                throw new IllegalStateException("a posting of " + line.amount() + " in " + draft.description());
            }
            if (line.side() == Side.DEBIT) {
                debits = debits.plus(line.amount());
            } else {
                credits = credits.plus(line.amount());
            }
        }
        if (draft.lines().size() < 2 || !debits.equals(credits)) {
            throw new IllegalStateException("unbalanced: " + draft.description());
        }
        if (draft.effectiveDate().isAfter(today)) {
            throw new IllegalStateException(draft.effectiveDate() + " is after today (" + today + ")");
        }
        if (head.closes(draft.effectiveDate())) {
            throw JournalWriter.periodClosed(head.closedThrough(), draft.effectiveDate());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]
                        + "; options are " + OPTIONS + ", each with a value");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
