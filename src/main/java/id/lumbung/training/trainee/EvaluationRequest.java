package id.lumbung.training.trainee;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The evaluation that ends a module: one per trainee and module. */
@Schema(name = "EvaluationRequest")
public record EvaluationRequest(
        @Schema(description = "A module of the trainee's programme.", example = "KEU") @NotBlank
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$",
                message = "must be a module code: 1 to 20 letters, digits, - or _")
        String moduleCode,
        @Schema(description = "0 to 100; 60 or more passes.", example = "78") @NotNull @Min(0) @Max(100) Integer score,
        @Schema(description = "On or after the enrolment, not after today.", example = "2026-04-15")
        @NotNull LocalDate evaluatedOn) {
}
