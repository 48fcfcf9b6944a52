package id.lumbung.training.money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** Capital assistance given to a trainee; {@code entryId} is null when a sponsor gave it directly. */
@Schema(name = "Assistance")
public record AssistanceView(
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000081") UUID id,
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000011") UUID traineeId,
        @Schema(example = "IN_KIND") AssistanceKind kind,
        @Schema(example = "Mesin press plastik dan 500 kemasan") String description,
        Amount value,
        @Schema(example = "2026-09-15") LocalDate givenOn,
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000001", nullable = true) UUID grantId,
        @Schema(example = "true") boolean paidByLed,
        @Schema(example = "CSR PT Pertamina Hulu Rokan", nullable = true) String sponsor,
        @Schema(example = "1-1100", nullable = true) String paidFrom,
        @Schema(description = "The CAPITAL_ASSISTANCE entry, when the LED paid it.",
                example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c", nullable = true) UUID entryId,
        @Schema(example = "2026-09-15T03:04:05.123456Z") Instant recordedAt,
        @Schema(example = "clerk.budi") String recordedBy) {
}
