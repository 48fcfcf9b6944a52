package id.lumbung.training.trainee;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The trainee completed the programme. */
@Schema(name = "CompletionRequest")
public record CompletionRequest(
        @Schema(description = "On or after the enrolment, not after today.", example = "2026-08-28")
        @NotNull LocalDate completedOn) {
}
