package id.lumbung.ledger.period;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The closed periods of an LED: nothing can be posted on or before {@code closedThrough}. */
@Schema(name = "Periods")
public record PeriodsView(
        @Schema(nullable = true, example = "2026-03-31") LocalDate closedThrough,
        @Schema(description = "Every close, oldest first.") List<PeriodView> closes) {
}
