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

    public ChainVerifier(DataSource dataSource, JournalReader reader) {
        this.dataSource = dataSource;
        this.reader = reader;
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

    @Transactional
    public VerificationView verify(UUID ledId) {
        snapshot();
        Walk walk = new Walk();
        reader.forEach(ledId, PAGE, walk::visit);
        if (walk.brokenAt == null) {
            checkHead(ledId, walk);
        }
        VerificationView.Head head = walk.last == null ? null
                : new VerificationView.Head(walk.last.number(), walk.last.hash());
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
