package id.lumbung.batch;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** What a device syncs in one request: operations recorded offline, each with its own key. */
@Schema(name = "BatchRequest")
public record BatchRequest(
        @Schema(description = "The sending device, for the clerk's own records.", example = "hp-siti-01",
                nullable = true)
        @Size(max = 100) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String deviceId,
        @Schema(description = "false (default): each operation stands or falls alone. true: all or none; one "
                + "refusal answers 409 `batch-refused` with every outcome and writes nothing.",
                defaultValue = "false", nullable = true)
        Boolean atomic,
        @Schema(description = "1 to 1,000 operations, decided in this order, each exactly as if it had been "
                + "sent alone with its key; more: 413 `batch-too-large`.", maxItems = BatchRequest.MAX_OPERATIONS,
                minItems = 1)
        @NotNull @Size(min = 1) List<@NotNull BatchOperation> operations) {

    /** The most operations one batch may carry. */
    public static final int MAX_OPERATIONS = 1000;

    boolean allOrNone() {
        return Boolean.TRUE.equals(atomic);
    }
}
