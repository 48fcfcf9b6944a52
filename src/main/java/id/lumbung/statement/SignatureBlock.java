package id.lumbung.statement;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.platform.openapi.ContractFilter;
import id.lumbung.platform.validation.Text;
import jakarta.validation.constraints.Pattern;

/**
 * The signature block printed at the foot of a PDF statement: "place, date" and the signers in
 * order. Titles and names are the LED's (STATEMENTS.md §2: organs differ between BUM Desa and UPK),
 * so nothing here names a role.
 */
@Schema(name = "StatementSignatureBlock")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignatureBlock(
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                description = "Where the statement is signed; absent: the LED's village.", example = "Kuok")
        @Size(max = 100) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String place,
        @Schema(description = "In the order they are printed, left to right; empty: no signature block.")
        @Size(max = 8) List<@NotNull @Valid Signatory> signatories) {

    public static final SignatureBlock NONE = new SignatureBlock(null, List.of());

    public SignatureBlock {
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
        place = place == null || place.isBlank() ? null : place.strip();
    }
}
