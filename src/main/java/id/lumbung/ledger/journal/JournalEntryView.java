package id.lumbung.ledger.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.PostedEntry;

/** A stored journal entry: numbered, chained by hash, never changed. */
@Schema(name = "JournalEntry")
public record JournalEntryView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c") UUID id,
        @Schema(description = "Gapless per LED: the voucher number (nomor bukti).", example = "42") long number,
        @Schema(example = "2026-03-15") LocalDate effectiveDate,
        @Schema(example = "2026-03-16T01:02:03.456789Z") Instant recordedAt,
        @Schema(description = "Subject of the token that recorded it.", example = "siti.rahmawati") String recordedBy,
        @Schema(example = "ADJUSTMENT") EntryKind kind,
        @Schema(example = "Koreksi salah catat setoran kas 14 Maret") String description,
        @Schema(description = "The business object behind the entry.", nullable = true) ReferenceView reference,
        List<PostingView> postings,
        @Schema(description = "SHA-256 over the canonical entry and the previous hash.",
                example = "9f2c4e0b6a8d1f3e5c7b9a0d2f4e6c8b0a1d3f5e7c9b2a4d6f8e0c1b3a5d7f9e") String hash,
        @Schema(example = "3b1d5f7a9c0e2d4f6a8c1e3b5d7f9a0c2e4b6d8f0a1c3e5b7d9f1a2c4e6b8d0f") String previousHash,
        @Schema(description = "The entry this one reverses.", nullable = true) UUID reverses,
        @Schema(description = "The reversal of this entry, once reversed.", nullable = true) UUID reversedBy) {

    /** The business object that caused an entry. */
    @Schema(name = "EntryReference")
    public record ReferenceView(@Schema(example = "GRANT") String type,
            @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000001") UUID id) {
    }

    public static JournalEntryView from(PostedEntry entry) {
        return new JournalEntryView(entry.id(), entry.number(), entry.effectiveDate(), entry.recordedAt(),
                entry.recordedBy(), entry.kind(), entry.description(),
                entry.reference() == null ? null : new ReferenceView(entry.reference().type(), entry.reference().id()),
                entry.lines().stream().map(PostingView::from).toList(), entry.hash(), entry.previousHash(),
                entry.reverses(), entry.reversedBy());
    }
}
