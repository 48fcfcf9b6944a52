package id.lumbung.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import id.lumbung.money.Amount;

/** A journal entry as stored: immutable, numbered, chained. */
public record PostedEntry(
        UUID ledId,
        UUID id,
        long number,
        LocalDate effectiveDate,
        Instant recordedAt,
        String recordedBy,
        EntryKind kind,
        String description,
        EntryDraft.Reference reference,
        UUID reverses,
        UUID reversedBy,
        List<Line> lines,
        String hash,
        String previousHash) {

    /** A stored posting, with its 1-based line number. */
    public record Line(int line, String account, Side side, Amount amount) {
    }

    public PostedEntry {
        lines = List.copyOf(lines);
    }
}
