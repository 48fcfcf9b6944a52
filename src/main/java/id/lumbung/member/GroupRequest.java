package id.lumbung.member;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** Forms a KUB group (Kelompok Usaha Bersama, a joint business group), optionally with its leader. */
@Schema(name = "GroupRequest")
public record GroupRequest(
        @Schema(description = "Unique within the LED.", example = "KUB Mawar")
        @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String name,
        @Schema(nullable = true, description = "A member of this LED; the leader joins the group (leaving any other).",
                example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c")
        UUID leaderMemberId) {
}
