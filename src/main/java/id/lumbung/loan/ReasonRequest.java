package id.lumbung.loan;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** A refusal or an undoing, with the reason an auditor will read. */
@Schema(name = "LoanReasonRequest")
public record ReasonRequest(
        @Schema(example = "Transfer dari anggota ditolak bank (saldo tidak cukup)")
        @NotBlank @Size(max = 500)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String reason,
        @Schema(description = "For a reversal: the day it takes effect, not before what it reverses. Default today.",
                nullable = true, example = "2026-04-03")
        LocalDate effectiveDate) {
}
