package id.lumbung.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reversal of a disbursement or a repayment, and the loan after it. */
@Schema(name = "LoanReversal")
public record LoanReversalView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000501") UUID id,
        @Schema(description = "DISBURSEMENT or REPAYMENT.", example = "REPAYMENT") String target,
        @Schema(description = "The disbursement or repayment reversed.") UUID targetId,
        @Schema(description = "The REVERSAL journal entry.") UUID entryId,
        @Schema(example = "2026-04-03") LocalDate effectiveDate,
        @Schema(example = "Transfer dari anggota ditolak bank") String reason,
        @Schema(example = "2026-04-03T02:00:00Z") Instant recordedAt,
        @Schema(example = "manager.siti") String recordedBy,
        LoanView loan) {
}
