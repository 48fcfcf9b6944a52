package id.lumbung.tenancy;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** Opens an LED in a district; it gets the default chart of accounts. */
@Schema(name = "LedRequest")
public record LedRequest(
        @Schema(example = "0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a10") @NotNull UUID districtId,
        @Schema(description = "Unique within the district, e.g. the village code.", example = "1406012001")
        @NotBlank @Pattern(regexp = "^[0-9A-Za-z.-]{1,32}$", message = "1 to 32 letters, digits, dots or dashes")
        String code,
        @Schema(example = "LED Desa Kuok")
        @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String name,
        @Schema(example = "Kuok")
        @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String village) {
}
