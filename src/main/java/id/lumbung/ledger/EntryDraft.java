package id.lumbung.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import id.lumbung.money.Amount;

/**
 * A journal entry as a feature asks the {@link PostingService} to post it: everything but the
 * number, hash and recording time, which the core assigns.
 *
 * @param reference the business object that caused the entry (a grant, a repayment), or null
 * @param reverses  the entry this one reverses, or null
 */
public record EntryDraft(
        UUID ledId,
        LocalDate effectiveDate,
        EntryKind kind,
        String description,
        Reference reference,
        UUID reverses,
        List<Line> lines) {

    /** One posting of the draft, naming its account by code. */
    public record Line(String account, Side side, Amount amount) {
    }

    /** The business object behind an entry, e.g. {@code GRANT} and its id. */
    public record Reference(String type, UUID id) {
    }

    public EntryDraft {
        lines = List.copyOf(lines);
    }
}
