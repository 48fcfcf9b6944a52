package id.lumbung.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Re-verifies an LED's audit chain from the first event, as {@code ChainVerifier} does the
 * journal: recomputes every hash from the stored content, checks each link, the gapless sequence
 * and the head, and reports the first event that does not match. One repeatable-read snapshot.
 */
@ApplicationScoped
class AuditVerifier {

    private static final int PAGE = 1000;

    private final DataSource dataSource;
    private final AuditLog log;

    AuditVerifier(DataSource dataSource, AuditLog log) {
        this.dataSource = dataSource;
        this.log = log;
    }

    /** What the walk has seen so far. */
    private static final class Walk {
        long expected = 1;
        String previousHash = AuditHasher.GENESIS;
        long checked;
        AuditEvent last;
        Long brokenAt;
        String reason;

        void visit(AuditEvent event) {
            if (brokenAt != null) {
                return;
            }
            if (event.sequence() != expected) {
                fail(expected, "sequence-gap");
            } else if (!event.prevHash().equals(previousHash)) {
                fail(event.sequence(), "link-mismatch");
            } else if (!AuditHasher.hash(event).equals(event.hash())) {
                fail(event.sequence(), "hash-mismatch");
            }
            checked++;
            last = event;
            expected = event.sequence() + 1;
            previousHash = event.hash();
        }

        void fail(long sequence, String why) {
            brokenAt = sequence;
            reason = why;
        }
    }

    @Transactional
    AuditVerificationView verify(UUID ledId) {
        snapshot();
        Walk walk = new Walk();
        log.forEach(ledId, PAGE, walk::visit);
        if (walk.brokenAt == null) {
            // The head must point at the last event: a deleted tail would otherwise go unnoticed.
            AuditLog.Head head = log.head(ledId);
            if (head != null && (head.sequence() != walk.checked || !head.hash().equals(walk.previousHash))) {
                walk.fail(Math.min(head.sequence(), walk.checked + 1), "head-mismatch");
            }
        }
        AuditVerificationView.Head head = walk.last == null ? null
                : new AuditVerificationView.Head(walk.last.sequence(), walk.last.hash());
        return new AuditVerificationView(walk.brokenAt == null, walk.checked, head, walk.brokenAt, walk.reason);
    }

    private void snapshot() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a snapshot: " + e.getSQLState(), e);
        }
    }
}
