package id.lumbung.training.trainee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A trainee's feedback. */
@Schema(name = "Feedback")
public record FeedbackView(
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000041") UUID id,
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000011") UUID traineeId,
        @Schema(example = "2026-04-15") LocalDate givenOn,
        @Schema(example = "5") int rating,
        @Schema(example = "Modul Pengelolaan Keuangan sangat membantu usaha kami", nullable = true) String comment,
        @Schema(example = "2026-04-15T08:00:00.123456Z") Instant recordedAt,
        @Schema(example = "trainer.yusuf") String recordedBy) {
}
