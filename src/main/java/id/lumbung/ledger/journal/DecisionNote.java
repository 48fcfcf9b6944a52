package id.lumbung.ledger.journal;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** A second manager's decision on a pending adjustment: a note on approval, the reason on rejection. */
@Schema(name = "AdjustmentDecision")
public record DecisionNote(
        @Schema(description = "Optional on approval, required on rejection.", nullable = true,
                example = "Dicek dengan rekening koran bank Maret")
        @Size(max = 500) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String note) {
}
