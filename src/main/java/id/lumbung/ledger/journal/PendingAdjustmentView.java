package id.lumbung.ledger.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** A manual adjustment that waits for (or got) a second manager's decision. */
@Schema(name = "PendingAdjustment")
public record PendingAdjustmentView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000701") UUID id,
        @Schema(example = "PENDING") PendingAdjustment.Status status,
        @Schema(example = "2026-03-15") LocalDate effectiveDate,
        @Schema(example = "Koreksi salah catat setoran kas 14 Maret") String description,
        List<PostingRequest> postings,
        @Schema(type = SchemaType.STRING,
                description = "The adjustment's debits (= its credits).", example = "15000000.00") Amount total,
        @Schema(example = "2026-03-15T03:00:00Z") Instant requestedAt,
        @Schema(example = "manager.siti") String requestedBy,
        @Schema(nullable = true) Instant decidedAt,
        @Schema(nullable = true, example = "manager.ahmad") String decidedBy,
        @Schema(description = "The approval note or rejection reason.", nullable = true) String decisionNote,
        @Schema(description = "The ADJUSTMENT entry posted on approval.", nullable = true) UUID entryId) {

    static PendingAdjustmentView from(PendingAdjustment pending, JournalEntryRequest request) {
        return new PendingAdjustmentView(pending.id, pending.status, request.effectiveDate(), request.description(),
                request.postings(), Amount.of(pending.total), pending.requestedAt, pending.requestedBy,
                pending.decidedAt, pending.decidedBy, pending.decisionNote, pending.entryId);
    }
}
