package id.lumbung.training.trainee;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A corrected evaluation: the score and day as they should have been; the audit trail keeps the old ones. */
@Schema(name = "EvaluationCorrection")
public record EvaluationCorrection(
        @Schema(example = "82") @NotNull @Min(0) @Max(100) Integer score,
        @Schema(description = "On or after the enrolment, not after today.", example = "2026-04-15")
        @NotNull LocalDate evaluatedOn) {
}
