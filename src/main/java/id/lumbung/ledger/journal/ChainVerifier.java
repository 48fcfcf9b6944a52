package id.lumbung.ledger.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.ledger.EntryHasher;
import id.lumbung.ledger.JournalReader;
import id.lumbung.ledger.PostedEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Re-verifies an LED's hash chain from the first entry (DESIGN §2 invariant 5): recomputes every
 * hash from the stored content, checks each link and the gapless numbering, and reports the first
 * entry that does not match. Runs in one repeatable-read snapshot, so entries posted meanwhile
 * neither disturb nor join the check.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int PAGE = 1000;

    private final DataSource dataSource;
    private final JournalReader reader;
    private final Counter valid;
    private final Counter broken;

    public ChainVerifier(DataSource dataSource, JournalReader reader, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.reader = reader;
        // By outcome only, never by LED: an LED id as a tag would grow the series with every village.
        // A broken chain is an alert (k8s/base/monitoring/prometheusrule.yaml); the LED is in the answer.
        this.valid = verifications(registry, "valid");
        this.broken = verifications(registry, "broken");
    }

    private static Counter verifications(MeterRegistry registry, String outcome) {
        return Counter.builder("ledger.chain.verifications")
                .description("Hash-chain verifications of an LED's journal, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** What the walk has seen so far. */
    private static final class Walk {
        long expectedNumber = 1;
        String previousHash = EntryHasher.GENESIS;
        long checked;
        PostedEntry last;
        Long brokenAt;
        String reason;

        void visit(PostedEntry entry) {
            if (brokenAt != null) {
                return;
            }
            if (entry.number() != expectedNumber) {
                fail(expectedNumber, "number-gap");
            } else if (!entry.previousHash().equals(previousHash)) {
                fail(entry.number(), "link-mismatch");
            } else if (!EntryHasher.hash(entry).equals(entry.hash())) {
                fail(entry.number(), "hash-mismatch");
            }
            checked++;
            last = entry;
            expectedNumber = entry.number() + 1;
            previousHash = entry.hash();
        }

        void fail(long number, String why) {
            brokenAt = number;
            reason = why;
        }
    }

    /**
     * Verifies in a read-only snapshot of its own: the on-demand check of {@code GET …/journal/verification}.
     * It reads the whole chain, about 20 s for 500,000 entries on a busy 2-core machine (docs/benchmarks.md),
     * so the default 60 s transaction timeout would cut a long journal off with an error; ten minutes covers
     * millions of entries, and the nightly run ({@code ledger/verification}) stores a result to read instead.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public VerificationView verify(UUID ledId) {
        snapshot();
        return check(ledId);
    }

    /**
     * Verifies inside the caller's transaction, which must already be a repeatable-read snapshot (its
     * first statement {@code SET TRANSACTION ISOLATION LEVEL REPEATABLE READ}): the nightly run stores the
     * result in the same snapshot it verified ({@code ledger/verification/VerificationRecorder}).
     */
    public VerificationView check(UUID ledId) {
        Walk walk = new Walk();
        reader.forEach(ledId, PAGE, walk::visit);
        if (walk.brokenAt == null) {
            checkHead(ledId, walk);
        }
        VerificationView.Head head = walk.last == null ? null
                : new VerificationView.Head(walk.last.number(), walk.last.hash());
        (walk.brokenAt == null ? valid : broken).increment();
        return new VerificationView(walk.brokenAt == null, walk.checked, head, walk.brokenAt, walk.reason);
    }

    /** The head row must point at the last entry: a deleted tail would otherwise go unnoticed. */
    private void checkHead(UUID ledId, Walk walk) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT last_number, last_hash FROM journal_head WHERE led_id = ?")) {
            statement.setObject(1, ledId);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && (row.getLong(1) != walk.checked || !row.getString(2).equals(walk.previousHash))) {
                    walk.fail(Math.min(row.getLong(1), walk.checked + 1), "head-mismatch");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the journal head failed: " + e.getSQLState(), e);
        }
    }

    private void snapshot() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a snapshot: " + e.getSQLState(), e);
        }
    }
}
