package id.lumbung.training;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** A session held. */
@Schema(name = "SessionRequest")
public record SessionRequest(
        @Schema(description = "Within the programme's run and not after today.", example = "2026-03-04")
        @NotNull LocalDate heldOn,
        @Schema(description = "The module the session belongs to.", example = "KEU") @NotBlank
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$",
                message = "must be a module code: 1 to 20 letters, digits, - or _")
        String moduleCode,
        @Schema(example = "Pembukuan sederhana usaha rumahan", nullable = true) @Size(max = 300)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String topic,
        @Schema(example = "WORKSHOP", nullable = true) SessionMethod method,
        @Schema(description = "Default: the programme's hours per session.", example = "3", nullable = true)
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") BigDecimal hours) {
}
