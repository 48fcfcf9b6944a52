package id.lumbung.training.trainee;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.member.MemberRequest;

/**
 * Enrols a member of the LED ({@code memberId}) or a person who becomes one ({@code person}, the
 * member fields; led-manager and led-clerk only, since that registers a NIK). Exactly one of the two.
 */
@Schema(name = "EnrolmentRequest")
public record EnrolmentRequest(
        @Schema(description = "An existing member of this LED.", example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c",
                nullable = true) UUID memberId,
        @Schema(description = "A person not yet a member: registered as one (without a KUB group; `groupId` must be "
                + "absent), NIK rules as for members.", nullable = true) @Valid MemberRequest person,
        @Schema(description = "Default: the programme's start. Not after its end.", example = "2026-03-02",
                nullable = true) LocalDate enrolledOn) {
}
