package id.lumbung.ledger.period;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One closing of the books. */
@Schema(name = "PeriodClose")
public record PeriodView(
        @Schema(example = "2026-03-31") LocalDate through,
        @Schema(example = "2026-04-02T03:00:00.000001Z") Instant closedAt,
        @Schema(example = "siti.rahmawati") String closedBy) {

    static PeriodView from(PeriodClose close) {
        return new PeriodView(close.through, close.closedAt, close.closedBy);
    }
}
