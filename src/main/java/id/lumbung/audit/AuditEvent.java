package id.lumbung.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored event of an LED's audit trail, link {@code sequence} of its hash chain.
 *
 * @param changes canonical JSON {@code {field: {old, new}}} as stored and hashed
 * @param detail  for a refusal, the problem type the caller was answered with; otherwise null
 */
record AuditEvent(UUID ledId, long sequence, Instant at, String actor, String role, String action,
        String resourceType, String resourceId, String changes, Outcome outcome, String detail, String hash,
        String prevHash) {

    /** This event with its hash. */
    AuditEvent signed(String hashed) {
        return new AuditEvent(ledId, sequence, at, actor, role, action, resourceType, resourceId, changes, outcome,
                detail, hashed, prevHash);
    }
}
