package id.lumbung.ledger.period;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One closing of the books. */
@Schema(name = "PeriodClose")
public record PeriodView(
        @Schema(example = "2026-03-31") LocalDate through,
        @Schema(example = "2026-04-02T03:00:00.000001Z") Instant closedAt,
        @Schema(example = "siti.rahmawati") String closedBy,
        @Schema(description = "The journal's chain head when the books were closed: a statement of the closed "
                + "period states it.") ChainHeadView chainHead) {

    /** The last entry number and its hash at closing. */
    @Schema(name = "PeriodCloseChainHead")
    public record ChainHeadView(@Schema(example = "1284") long number,
            @Schema(example = "9f2c0b3e5d7a41c8b6e0f1a2d3c4b5a6978877665544332211aabbccddeeff00") String hash) {
    }

    static PeriodView from(PeriodClose close) {
        return new PeriodView(close.through, close.closedAt, close.closedBy,
                new ChainHeadView(close.chainNumber, close.chainHash));
    }
}
