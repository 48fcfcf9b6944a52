package id.lumbung.loan;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** A manager's approval of a loan application, with an optional note. */
@Schema(name = "LoanApprovalRequest")
public record DecisionRequest(
        @Schema(description = "Why it was approved, for the file.",
                example = "Usaha berjalan 2 tahun, dijamin KUB Mawar",
                nullable = true)
        @Size(max = 500) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String note) {
}
