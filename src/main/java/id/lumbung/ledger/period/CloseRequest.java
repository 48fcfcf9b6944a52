package id.lumbung.ledger.period;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Closes the books through a date (inclusive). */
@Schema(name = "CloseRequest")
public record CloseRequest(
        @Schema(description = "Last day of the closed period; later than any earlier close, not after today.",
                example = "2026-03-31")
        @NotNull LocalDate through) {
}
