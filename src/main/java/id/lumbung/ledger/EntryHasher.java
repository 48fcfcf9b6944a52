package id.lumbung.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import id.lumbung.platform.hash.Sha256;

/**
 * The tamper-evidence hash of an entry (DESIGN §2 invariant 5): SHA-256 over a canonical text of
 * everything the entry says plus the previous entry's hash, so the entries of an LED form a chain
 * in which changing any stored byte breaks every later link.
 *
 * <p>The canonical text is versioned ({@code lumbung-entry-v1}) and length-prefixes every field
 * ({@code name=length:value}), so no value can be crafted to look like another field.
 */
public final class EntryHasher {

    /** The "previous hash" of an LED's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private EntryHasher() {
    }

    /** Timestamps are stored by PostgreSQL with microsecond precision; hash what is stored. */
    public static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static String hash(PostedEntry entry) {
        StringBuilder text = new StringBuilder(512).append("lumbung-entry-v1\n");
        field(text, "led", entry.ledId().toString());
        field(text, "id", entry.id().toString());
        field(text, "number", Long.toString(entry.number()));
        field(text, "effectiveDate", entry.effectiveDate().toString());
        field(text, "recordedAt", Long.toString(micros(entry.recordedAt())));
        field(text, "recordedBy", entry.recordedBy());
        field(text, "kind", entry.kind().name());
        field(text, "description", entry.description());
        field(text, "referenceType", entry.reference() == null ? "" : entry.reference().type());
        field(text, "referenceId", entry.reference() == null ? "" : entry.reference().id().toString());
        field(text, "reverses", entry.reverses() == null ? "" : entry.reverses().toString());
        field(text, "postings", Integer.toString(entry.lines().size()));
        for (PostedEntry.Line line : entry.lines()) {
            field(text, "line", Integer.toString(line.line()));
            field(text, "account", line.account());
            field(text, "side", line.side().name());
            field(text, "amount", line.amount().toString());
        }
        field(text, "previous", entry.previousHash());
        return Sha256.hex(text.toString());
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append('=').append(value.length()).append(':').append(value).append('\n');
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
