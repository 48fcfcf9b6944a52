package id.lumbung.ledger.journal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** Reverses an entry: the reason becomes the reversal's description. */
@Schema(name = "ReversalRequest")
public record ReversalRequest(
        @Schema(example = "Transfer angsuran ditolak bank (bounced)")
        @NotBlank @Size(max = 500)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String reason,
        @Schema(description = "Defaults to today (LED time zone); not before the original entry's date.",
                example = "2026-03-20", nullable = true)
        LocalDate effectiveDate) {
}
