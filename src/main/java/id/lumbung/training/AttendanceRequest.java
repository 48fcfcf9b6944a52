package id.lumbung.training;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who was present at a session: the whole list, which replaces the one recorded before. */
@Schema(name = "AttendanceRequest")
public record AttendanceRequest(
        @Schema(description = "Trainees of the programme present; empty when nobody came. Each must be enrolled.")
        @NotNull @Size(max = 10_000) List<@NotNull UUID> present) {
}
