package id.lumbung.member;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Changes a member's contact data or group. Each field is three-valued: absent (a Java {@code null})
 * keeps the value, JSON {@code null} ({@code Optional.empty()}) clears it, a value replaces it.
 * Identity — NIK, gender and birth date — is fixed at registration: a patch that names any of them
 * is refused with the field named, even when the value is unchanged.
 */
@Schema(name = "MemberPatch", description = "Only the fields present are changed; `null` clears hamlet, phone or "
        + "groupId. `nik`, `gender` and `birthDate` cannot be changed (400 naming the field).")
public record MemberPatch(
        @Schema(implementation = String.class, example = "Siti Rahmawati Putri")
        Optional<@NotBlank @Size(max = 200) @Pattern(regexp = MemberRequest.TEXT,
                message = "must not contain control characters") String> name,
        @Schema(implementation = String.class, nullable = true, example = "Dusun III Kuok")
        Optional<@Size(max = 200) @Pattern(regexp = MemberRequest.TEXT,
                message = "must not contain control characters") String> hamlet,
        @Schema(implementation = String.class, nullable = true, example = "085265551234")
        Optional<@Pattern(regexp = MemberRequest.PHONE,
                message = "must be a phone number such as 081276543210 or +62 812-7654-3210") String> phone,
        @Schema(implementation = UUID.class, nullable = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70")
        Optional<UUID> groupId,
        @Schema(hidden = true) Optional<Object> nik,
        @Schema(hidden = true) Optional<Object> gender,
        @Schema(hidden = true) Optional<LocalDate> birthDate) {
}
