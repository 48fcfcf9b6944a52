package id.lumbung.statement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One signature of a statement: the LED's own title for the signer, in both languages, and the name. */
@Schema(name = "StatementSignatory")
public record Signatory(
        @Schema(description = "The title in Indonesian, as the LED names it.", example = "Direktur")
        @NotBlank @Size(max = 100) String title,
        @Schema(description = "The title in English.", example = "Director") @NotBlank @Size(max = 100)
        String titleEn,
        @Schema(example = "Budi Santoso") @NotBlank @Size(max = 200) String name) {
}
