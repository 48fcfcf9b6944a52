package id.lumbung.tenancy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** Registers a district (kabupaten). */
@Schema(name = "DistrictRequest")
public record DistrictRequest(
        @Schema(description = "The district's code, e.g. its BPS/Kemendagri code.", example = "1406")
        @NotBlank @Pattern(regexp = "^[0-9A-Za-z.-]{1,16}$", message = "1 to 16 letters, digits, dots or dashes")
        String code,
        @Schema(example = "Kabupaten Kampar")
        @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String name) {
}
