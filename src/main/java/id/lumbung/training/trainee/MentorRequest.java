package id.lumbung.training.trainee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** The mentor a trainee is given; a later one replaces them. */
@Schema(name = "MentorRequest")
public record MentorRequest(
        @Schema(example = "Hendra Gunawan") @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String name,
        @Schema(description = "What they mentor in.", example = "Pemasaran digital") @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String field) {
}
