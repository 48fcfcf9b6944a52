package id.lumbung.audit;

import id.lumbung.platform.hash.Sha256;

/**
 * The tamper-evidence hash of an audit event: SHA-256 over a canonical text of everything the
 * event says plus the previous event's hash, as {@code EntryHasher} does for journal entries. The
 * text is versioned ({@code lumbung-audit-v1}) and length-prefixes every field, so no value can be
 * crafted to look like another field.
 */
final class AuditHasher {

    /** The "previous hash" of an LED's first event. */
    static final String GENESIS = "0".repeat(64);

    private AuditHasher() {
    }

    static String hash(AuditEvent event) {
        StringBuilder text = new StringBuilder(512).append("lumbung-audit-v1\n");
        field(text, "led", event.ledId().toString());
        field(text, "sequence", Long.toString(event.sequence()));
        field(text, "at", Long.toString(micros(event.at())));
        field(text, "actor", event.actor());
        field(text, "role", event.role());
        field(text, "action", event.action());
        field(text, "resourceType", event.resourceType());
        field(text, "resourceId", event.resourceId());
        field(text, "changes", event.changes());
        field(text, "outcome", event.outcome().name());
        field(text, "detail", event.detail());
        field(text, "previous", event.prevHash());
        return Sha256.hex(text.toString());
    }

    /** A null is written as length -1, so it never reads like an empty text. */
    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append('=');
        if (value == null) {
            text.append("-1:");
        } else {
            text.append(value.length()).append(':').append(value);
        }
        text.append('\n');
    }

    private static long micros(java.time.Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
