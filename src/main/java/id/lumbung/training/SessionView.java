package id.lumbung.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session held and who attended it. */
@Schema(name = "Session")
public record SessionView(
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000021") UUID id,
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000001") UUID programmeId,
        @Schema(example = "2026-03-04") LocalDate heldOn,
        @Schema(example = "KEU") String moduleCode,
        @Schema(example = "Pembukuan sederhana usaha rumahan", nullable = true) String topic,
        @Schema(example = "WORKSHOP", nullable = true) SessionMethod method,
        @Schema(example = "3.0", nullable = true) BigDecimal hours,
        @Schema(description = "Trainees present, in id order.") List<UUID> present,
        @Schema(example = "2026-03-04T09:30:00.123456Z") Instant recordedAt,
        @Schema(example = "trainer.yusuf") String recordedBy) {

    static SessionView from(Session session, List<UUID> present) {
        return new SessionView(session.id, session.programmeId, session.heldOn, session.moduleCode, session.topic,
                session.method, session.hours, present, session.recordedAt, session.recordedBy);
    }
}
