package id.lumbung.training.trainee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.member.Gender;
import id.lumbung.training.Segment;

/** A trainee of a programme: the member, their segment and where they stand. Never a NIK. */
@Schema(name = "Trainee")
public record TraineeView(
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000011") UUID id,
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000001") UUID programmeId,
        @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID memberId,
        @Schema(example = "Siti Rahmawati") String name,
        @Schema(example = "F") Gender gender,
        @Schema(description = "Age in completed years on the programme's start.", example = "24") int ageAtStart,
        @Schema(example = "YOUTH") Segment segment,
        @Schema(example = "2026-03-02") LocalDate enrolledOn,
        @Schema(example = "ENROLLED") TraineeStatus status,
        @Schema(example = "2026-08-28", nullable = true) LocalDate completedOn,
        @Schema(example = "2026-05-04", nullable = true) LocalDate withdrawnOn,
        @Schema(example = "Pindah kerja ke Pekanbaru", nullable = true) String withdrawalReason,
        @Schema(nullable = true) Mentor mentor,
        @Schema(example = "2026-02-25T03:04:05.123456Z") Instant createdAt,
        @Schema(example = "trainer.yusuf") String createdBy) {

    /** The trainee's mentor for individual mentoring. */
    @Schema(name = "Mentor")
    public record Mentor(
            @Schema(example = "Hendra Gunawan") String name,
            @Schema(example = "Pemasaran digital") String field) {
    }
}
