package id.lumbung.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** A programme with its modules, the sessions held, its enrolment and its money. */
@Schema(name = "Programme")
public record ProgrammeView(
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000001") UUID id,
        @Schema(example = "Pelatihan Kewirausahaan Digital Duri Selatan") String name,
        @Schema(example = "2026-03-02") LocalDate startsOn,
        @Schema(example = "2026-08-31") LocalDate endsOn,
        @Schema(example = "Balai Desa Duri Selatan", nullable = true) String venue,
        @Schema(example = "VILLAGE_HALL", nullable = true) VenueType venueType,
        @Schema(example = "YOUTH", nullable = true) Segment segment,
        @Schema(example = "2", nullable = true) Integer sessionsPerWeek,
        @Schema(example = "3.0", nullable = true) BigDecimal hoursPerSession,
        @Schema(description = "In the order the programme lists them.") List<ModuleView> modules,
        @Schema(description = "Sessions recorded as held, all modules.", example = "48") long sessionsHeld,
        Enrolment enrolment,
        Funding funding,
        @Schema(example = "2026-02-20T03:04:05.123456Z") Instant createdAt,
        @Schema(example = "trainer.yusuf") String createdBy) {

    /** A module and how many of its sessions were held. */
    @Schema(name = "ProgrammeModule")
    public record ModuleView(
            @Schema(example = "KEU") String code,
            @Schema(example = "Pengelolaan Keuangan") String title,
            @Schema(example = "FINANCIAL_MANAGEMENT") ModuleArea area,
            @Schema(example = "12") long sessionsHeld) {
    }

    /** How many enrolled, and where they are now. */
    @Schema(name = "ProgrammeEnrolment")
    public record Enrolment(
            @Schema(description = "Everyone ever enrolled.", example = "30") long enrolled,
            @Schema(description = "Still in training.", example = "24") long active,
            @Schema(example = "5") long completed,
            @Schema(example = "1") long withdrawn) {
    }

    /**
     * Money pledged to the programme, received for it and spent on it, per funding line and in total.
     * Received and spent count only entries that stand (not reversed in the journal).
     */
    @Schema(name = "ProgrammeFunding")
    public record Funding(
            List<Line> lines,
            @Schema(description = "Spent without naming a funding line.") Amount unassignedSpent,
            Totals total) {
    }

    /** One funder's line. */
    @Schema(name = "ProgrammeFundingLine")
    public record Line(
            @Schema(example = "SPONSOR") FundingSource source,
            @Schema(example = "CSR PT Pertamina Hulu Rokan") String name,
            Amount pledged,
            Amount received,
            Amount spent) {
    }

    /** All lines together; spent includes what no line was named for. */
    @Schema(name = "ProgrammeFundingTotals")
    public record Totals(Amount pledged, Amount received, Amount spent) {
    }
}
