package id.lumbung.statement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import id.lumbung.platform.validation.Text;

/** One signature of a statement: the LED's own title for the signer, in both languages, and the name. */
@Schema(name = "StatementSignatory")
public record Signatory(
        @Schema(description = "The title in Indonesian, as the LED names it.", example = "Direktur")
        @NotBlank @Size(max = 100)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String title,
        @Schema(description = "The title in English.", example = "Director") @NotBlank @Size(max = 100)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String titleEn,
        @Schema(example = "Budi Santoso") @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String name) {
}
