package id.lumbung.statement.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.portfolio.PortfolioView;
import id.lumbung.money.Amount;
import id.lumbung.statement.ChainHead;

/** The notes' lists: the period closes, the grants and the portfolio by kolektibilitas. */
public final class NotesSections {

    private NotesSections() {
    }

    /** One close of the books, with the chain head it was made at: every entry of the period is at or below it. */
    @Schema(name = "StatementNotesPeriodClose")
    public record PeriodClose(@Schema(example = "2026-03-31") LocalDate through,
            @Schema(example = "2026-04-02T03:00:00.000001Z") Instant closedAt,
            @Schema(description = "The journal's last entry when the books were closed.") ChainHead chainHead) {
    }

    /** A grant tranche received by the notes' day. */
    @Schema(name = "StatementNotesGrant")
    public record Grant(@Schema(example = "APBD Kabupaten Kampar 2026") String source,
            @Schema(description = "The decree (SK) that granted it.", example = "SK 412/2026") String decreeNumber,
            @Schema(example = "500000000.00") Amount amount,
            @Schema(example = "2026-02-01") LocalDate receivedOn,
            @Schema(description = "Whether its entry was reversed by the notes' day (it then no longer counts).",
                    example = "false") boolean reversed) {
    }

    /** The grants and the sum of those still standing. */
    @Schema(name = "StatementNotesGrants")
    public record Grants(List<Grant> items,
            @Schema(description = "Σ the grants not reversed: the district grant capital they brought.",
                    example = "500000000.00") Amount total) {
    }

    /**
     * The loan portfolio by class as the portfolio report states it. It is read by the portfolio
     * service on its own transaction, just before the notes' snapshot, so it carries its own chain head.
     */
    @Schema(name = "StatementNotesPortfolio")
    public record Portfolio(
            @Schema(description = "The journal's head the portfolio figures were read at (the portfolio is read "
                    + "just before the rest of the notes; a posting in between makes it differ).")
            ChainHead chainHead,
            @Schema(example = "42") int loans,
            @Schema(example = "84500000.00") Amount outstandingPrincipal,
            @Schema(description = "Every class of the table in force, best first.")
            List<PortfolioView.ClassFigures> byClass,
            @Schema(example = "2150000.00") Amount provisionRequired,
            @Schema(description = "The loan-loss allowance as booked on the day.", example = "1900000.00")
            Amount provisionBooked) {
    }
}
