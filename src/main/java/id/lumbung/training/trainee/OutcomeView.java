package id.lumbung.training.trainee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** A monitoring record of a trainee. */
@Schema(name = "Outcome")
public record OutcomeView(
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000051") UUID id,
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000011") UUID traineeId,
        @Schema(example = "2026-09-30") LocalDate recordedOn,
        Amount monthlyIncome,
        @Schema(example = "true") boolean employed,
        @Schema(example = "true") boolean businessStarted,
        @Schema(example = "Keripik Nanas Duri", nullable = true) String businessName,
        @Schema(example = "Makanan olahan", nullable = true) String businessSector,
        @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70", nullable = true) UUID joinedGroupId,
        @Schema(example = "2026-09-30T08:00:00.123456Z") Instant recordedAt,
        @Schema(example = "trainer.yusuf") String recordedBy) {
}
