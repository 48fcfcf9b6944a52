package id.lumbung.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.databind.JsonNode;

import id.lumbung.platform.validation.Text;

/**
 * Changes a member's contact data or group. Each field is three-valued, which a record cannot
 * express: absent (the field stays {@code null}) keeps the value, JSON {@code null}
 * ({@code Optional.empty()}) clears it, a value replaces it. Jackson calls a setter only for a field
 * that is present. Identity — NIK, gender and birth date — is fixed at registration: a patch that
 * names any of them, with whatever value, is refused with the field named.
 */
@Schema(name = "MemberPatch", description = "Only the fields present are changed; `null` clears hamlet, phone or "
        + "groupId. `nik`, `gender` and `birthDate` cannot be changed (400 naming the field).")
public final class MemberPatch {

    @Schema(implementation = String.class, description = "Must not be null or blank when present.",
            example = "Siti Rahmawati Putri")
    @JsonProperty
    private Optional<@NotBlank @Size(max = 200) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
            message = "must not contain control characters") String> name;

    @Schema(implementation = String.class, nullable = true, example = "Dusun III Kuok")
    @JsonProperty
    private Optional<@Size(max = 200) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
            message = "must not contain control characters") String> hamlet;

    @Schema(implementation = String.class, nullable = true, example = "085265551234")
    @JsonProperty
    private Optional<@Pattern(regexp = MemberRequest.PHONE,
            message = "must be a phone number such as 081276543210 or +62 812-7654-3210") String> phone;

    @Schema(implementation = UUID.class, nullable = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70")
    @JsonProperty
    private Optional<UUID> groupId;

    /** Identity fields the body named; not a property of the schema. */
    @Schema(hidden = true)
    private final List<String> identity = new ArrayList<>(3);

    @JsonSetter("name")
    void name(String value) {
        name = Optional.ofNullable(value);
    }

    @JsonSetter("hamlet")
    void hamlet(String value) {
        hamlet = Optional.ofNullable(value);
    }

    @JsonSetter("phone")
    void phone(String value) {
        phone = Optional.ofNullable(value);
    }

    @JsonSetter("groupId")
    void groupId(UUID value) {
        groupId = Optional.ofNullable(value);
    }

    @JsonSetter("nik")
    void nik(JsonNode ignored) {
        identity.add("nik");
    }

    @JsonSetter("gender")
    void gender(JsonNode ignored) {
        identity.add("gender");
    }

    @JsonSetter("birthDate")
    void birthDate(JsonNode ignored) {
        identity.add("birthDate");
    }

    /** {@code null}: keep; empty: not allowed (name is required); a value: replace. */
    public Optional<String> name() {
        return name;
    }

    public Optional<String> hamlet() {
        return hamlet;
    }

    public Optional<String> phone() {
        return phone;
    }

    public Optional<UUID> groupId() {
        return groupId;
    }

    /** The identity fields the body tried to change. */
    public List<String> identityFields() {
        return identity.stream().sorted(java.util.Comparator.comparing(List.of("nik", "gender", "birthDate")::indexOf))
                .toList();
    }
}
