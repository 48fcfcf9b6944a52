package id.lumbung.training;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A programme as the list shows it; the programme itself has its modules, enrolment and money. */
@Schema(name = "ProgrammeSummary")
public record ProgrammeSummaryView(
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000001") UUID id,
        @Schema(example = "Pelatihan Kewirausahaan Digital Duri Selatan") String name,
        @Schema(example = "2026-03-02") LocalDate startsOn,
        @Schema(example = "2026-08-31") LocalDate endsOn,
        @Schema(example = "Balai Desa Duri Selatan", nullable = true) String venue,
        @Schema(example = "VILLAGE_HALL", nullable = true) VenueType venueType,
        @Schema(example = "YOUTH", nullable = true) Segment segment) {

    static ProgrammeSummaryView from(Programme programme) {
        return new ProgrammeSummaryView(programme.id, programme.name, programme.startsOn, programme.endsOn,
                programme.venue, programme.venueType, programme.segment);
    }
}
