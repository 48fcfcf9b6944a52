package id.lumbung.training.trainee;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** What a trainee thought of the training. */
@Schema(name = "FeedbackRequest")
public record FeedbackRequest(
        @Schema(description = "On or after the enrolment, not after today.", example = "2026-04-15")
        @NotNull LocalDate givenOn,
        @Schema(description = "1 (poor) to 5 (excellent).", example = "5") @NotNull @Min(1) @Max(5) Integer rating,
        @Schema(example = "Modul Pengelolaan Keuangan sangat membantu usaha kami", nullable = true) @Size(max = 1000)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String comment) {
}
