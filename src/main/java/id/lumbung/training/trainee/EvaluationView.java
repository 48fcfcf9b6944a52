package id.lumbung.training.trainee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A trainee's evaluation of one module; {@code updatedBy} is who last corrected it. */
@Schema(name = "Evaluation")
public record EvaluationView(
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000031") UUID id,
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000011") UUID traineeId,
        @Schema(example = "KEU") String moduleCode,
        @Schema(example = "78") int score,
        @Schema(description = "Score 60 or more.", example = "true") boolean passed,
        @Schema(example = "2026-04-15") LocalDate evaluatedOn,
        @Schema(example = "2026-04-15T08:00:00.123456Z") Instant recordedAt,
        @Schema(example = "trainer.yusuf") String recordedBy,
        @Schema(example = "2026-04-16T02:00:00.123456Z") Instant updatedAt,
        @Schema(example = "manager.siti") String updatedBy) {

    /** The passing score (documented in the README's indicator definitions). */
    public static final int PASSING_SCORE = 60;
}
