package id.lumbung.training.trainee;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** A monitoring record: a baseline at enrolment, follow-ups later; the latest counts as "now". */
@Schema(name = "OutcomeRequest")
public record OutcomeRequest(
        @Schema(description = "Not after today.", example = "2026-09-30") @NotNull LocalDate recordedOn,
        @Schema(description = "Rupiah a month, zero or more (422 `negative-income` below zero).")
        @NotNull Amount monthlyIncome,
        @Schema(example = "true") @NotNull Boolean employed,
        @Schema(example = "true") @NotNull Boolean businessStarted,
        @Schema(example = "Keripik Nanas Duri", nullable = true) @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String businessName,
        @Schema(example = "Makanan olahan", nullable = true) @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String businessSector,
        @Schema(description = "A KUB group of this LED the trainee formed or joined.",
                example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70", nullable = true) UUID joinedGroupId) {
}
