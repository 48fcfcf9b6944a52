package id.lumbung.loan.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of the loan-quality setting, as audited: who, when, from which day, old → new. */
@Schema(name = "LoanQualityChange")
public record LoanQualityChangeView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000301") UUID id,
        @Schema(description = "The first day it applies.", example = "2026-04-01") LocalDate effectiveFrom,
        @Schema(example = "2026-03-28T02:15:00Z") Instant changedAt,
        @Schema(example = "manager.siti") String changedBy,
        @Schema(description = "The setting it replaced (BANK for the first change).") LoanQualityTableView from,
        @Schema(description = "The setting it made.") LoanQualityTableView to) {
}
