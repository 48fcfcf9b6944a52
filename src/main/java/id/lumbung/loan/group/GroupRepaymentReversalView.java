package id.lumbung.loan.group;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reversal of a group's payment, and the group loan after it. */
@Schema(name = "GroupRepaymentReversal")
public record GroupRepaymentReversalView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000801") UUID id,
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000701") UUID groupRepaymentId,
        @Schema(description = "The REVERSAL entry.", example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4f") UUID entryId,
        @Schema(example = "2026-04-03") LocalDate effectiveDate,
        @Schema(example = "Transfer dari KUB Mawar ditolak bank") String reason,
        @Schema(example = "2026-04-03T02:00:00Z") Instant recordedAt,
        @Schema(example = "manager.siti") String recordedBy,
        GroupLoanView groupLoan) {
}
