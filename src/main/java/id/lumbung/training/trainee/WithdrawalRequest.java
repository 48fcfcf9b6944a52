package id.lumbung.training.trainee;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** The trainee left the programme before completing it. */
@Schema(name = "TraineeWithdrawalRequest")
public record WithdrawalRequest(
        @Schema(description = "On or after the enrolment, not after today.", example = "2026-05-04")
        @NotNull LocalDate on,
        @Schema(example = "Pindah kerja ke Pekanbaru", nullable = true) @Size(max = 500)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String reason) {
}
