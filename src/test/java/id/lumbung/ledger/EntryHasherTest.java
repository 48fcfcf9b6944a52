package id.lumbung.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import id.lumbung.money.Amount;

/** The tamper-evidence hash: deterministic, and sensitive to every byte an entry stores. */
class EntryHasherTest {

    private static final UUID LED = UUID.fromString("0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a10");
    private static final UUID ID = UUID.fromString("0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a11");
    private static final Instant RECORDED_AT = Instant.parse("2026-03-15T02:30:00.123456Z");

    private static PostedEntry entry() {
        return new PostedEntry(LED, ID, 7, LocalDate.of(2026, 3, 15), RECORDED_AT, "manager.siti", EntryKind.ADJUSTMENT,
                "Setoran modal swadaya", null, null, null,
                List.of(new PostedEntry.Line(1, "1-1100", Side.DEBIT, Amount.parse("2500000.00")),
                        new PostedEntry.Line(2, "3-1200", Side.CREDIT, Amount.parse("2500000.00"))),
                null, "a".repeat(64));
    }

    /** The same entry with one component changed. */
    private static PostedEntry with(PostedEntry e, UnaryOperator<Builder> change) {
        return change.apply(new Builder(e)).build();
    }

    @Test
    void isDeterministicLowercaseSha256Hex() {
        String hash = EntryHasher.hash(entry());
        assertEquals(hash, EntryHasher.hash(entry()));
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    }

    @Test
    void ignoresTheStoredHashAndReversedByWhichAreNotContent() {
        PostedEntry e = entry();
        PostedEntry other = new PostedEntry(e.ledId(), e.id(), e.number(), e.effectiveDate(), e.recordedAt(),
                e.recordedBy(), e.kind(), e.description(), e.reference(), e.reverses(), UUID.randomUUID(), e.lines(),
                "f".repeat(64), e.previousHash());
        assertEquals(EntryHasher.hash(e), EntryHasher.hash(other));
    }

    @Test
    void changesWhenAnyFieldChanges() {
        String original = EntryHasher.hash(entry());
        List<UnaryOperator<Builder>> changes = List.of(
                b -> b.line(0, new PostedEntry.Line(1, "1-1100", Side.DEBIT, Amount.parse("2500000.01"))),
                b -> b.line(0, new PostedEntry.Line(1, "1-1200", Side.DEBIT, Amount.parse("2500000.00"))),
                b -> b.line(0, new PostedEntry.Line(1, "1-1100", Side.CREDIT, Amount.parse("2500000.00"))),
                b -> b.line(0, new PostedEntry.Line(3, "1-1100", Side.DEBIT, Amount.parse("2500000.00"))),
                b -> b.swapLines(),
                b -> b.description("Setoran modal swadaya."),
                b -> b.effectiveDate(LocalDate.of(2026, 3, 14)),
                b -> b.previousHash("b".repeat(64)),
                b -> b.recordedAt(RECORDED_AT.plus(1, ChronoUnit.MICROS)),
                b -> b.recordedBy("manager.ani"),
                b -> b.kind(EntryKind.REVERSAL),
                b -> b.number(8),
                b -> b.id(UUID.fromString("0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a12")),
                b -> b.ledId(UUID.fromString("0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a13")),
                b -> b.reference(new EntryDraft.Reference("GRANT", ID)),
                b -> b.reverses(ID));
        for (int i = 0; i < changes.size(); i++) {
            assertNotEquals(original, EntryHasher.hash(with(entry(), changes.get(i))), "change #" + i);
        }
    }

    @Test
    void hashesTheMicrosecondsPostgresqlStores() {
        // Nanoseconds below the microsecond are not stored, so they must not change the hash either.
        PostedEntry stored = with(entry(), b -> b.recordedAt(RECORDED_AT));
        PostedEntry precise = with(entry(), b -> b.recordedAt(RECORDED_AT.plusNanos(999)));
        assertEquals(EntryHasher.hash(stored), EntryHasher.hash(precise));
        assertEquals(RECORDED_AT, EntryHasher.storable(RECORDED_AT.plusNanos(999)));
    }

    @Test
    void lengthPrefixingKeepsAFieldLookalikeInsideADescriptionFromColliding() {
        // Written as plain "name=value" lines, both entries would read
        // "recordedBy=siti\nkind=ADJUSTMENT\ndescription=x\nkind=REVERSAL\ndescription=y\n...".
        PostedEntry honest = with(entry(), b -> b.recordedBy("siti").kind(EntryKind.ADJUSTMENT)
                .description("x\nkind=REVERSAL\ndescription=y"));
        PostedEntry forged = with(entry(), b -> b.recordedBy("siti\nkind=ADJUSTMENT\ndescription=x")
                .kind(EntryKind.REVERSAL).description("y"));
        assertNotEquals(EntryHasher.hash(honest), EntryHasher.hash(forged));
    }

    /** Mutable copy of an entry's components, to change one at a time. */
    private static final class Builder {
        private UUID ledId;
        private UUID id;
        private long number;
        private LocalDate effectiveDate;
        private Instant recordedAt;
        private String recordedBy;
        private EntryKind kind;
        private String description;
        private EntryDraft.Reference reference;
        private UUID reverses;
        private final List<PostedEntry.Line> lines;
        private String previousHash;

        Builder(PostedEntry e) {
            ledId = e.ledId();
            id = e.id();
            number = e.number();
            effectiveDate = e.effectiveDate();
            recordedAt = e.recordedAt();
            recordedBy = e.recordedBy();
            kind = e.kind();
            description = e.description();
            reference = e.reference();
            reverses = e.reverses();
            lines = new ArrayList<>(e.lines());
            previousHash = e.previousHash();
        }

        Builder ledId(UUID value) {
            ledId = value;
            return this;
        }

        Builder id(UUID value) {
            id = value;
            return this;
        }

        Builder number(long value) {
            number = value;
            return this;
        }

        Builder effectiveDate(LocalDate value) {
            effectiveDate = value;
            return this;
        }

        Builder recordedAt(Instant value) {
            recordedAt = value;
            return this;
        }

        Builder recordedBy(String value) {
            recordedBy = value;
            return this;
        }

        Builder kind(EntryKind value) {
            kind = value;
            return this;
        }

        Builder description(String value) {
            description = value;
            return this;
        }

        Builder reference(EntryDraft.Reference value) {
            reference = value;
            return this;
        }

        Builder reverses(UUID value) {
            reverses = value;
            return this;
        }

        Builder line(int index, PostedEntry.Line value) {
            lines.set(index, value);
            return this;
        }

        Builder swapLines() {
            PostedEntry.Line first = lines.get(0);
            lines.set(0, lines.get(1));
            lines.set(1, first);
            return this;
        }

        Builder previousHash(String value) {
            previousHash = value;
            return this;
        }

        PostedEntry build() {
            return new PostedEntry(ledId, id, number, effectiveDate, recordedAt, recordedBy, kind, description,
                    reference, reverses, null, lines, null, previousHash);
        }
    }
}
