package id.lumbung.member;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** Registers a member (anggota) of the LED. The CSV import builds one of these per row. */
@Schema(name = "MemberRequest")
public record MemberRequest(
        @Schema(example = "Siti Rahmawati")
        @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String name,
        @Schema(description = "National identity number: 16 digits; region (province 11-94), birth date DDMMYY "
                + "with 40 added to the day for women, serial. Must agree with `gender` and `birthDate`; unique "
                + "within the LED.", example = "1406014507900003", pattern = "^[0-9]{16}$")
        @NotNull
        String nik,
        @Schema(example = "F") @NotNull Gender gender,
        @Schema(example = "1990-07-05") @NotNull @Past LocalDate birthDate,
        @Schema(nullable = true, example = "Dusun II Kuok")
        @Size(max = 200) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String hamlet,
        @Schema(nullable = true, example = "081276543210")
        @Pattern(regexp = PHONE, message = "must be a phone number such as 081276543210 or +62 812-7654-3210")
        String phone,
        @Schema(nullable = true, description = "The member's KUB group, which must exist in this LED.",
                example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70")
        UUID groupId) {

    /** Digits with an optional leading +, spaces and dashes; 6 to 20 characters. */
    public static final String PHONE = "^\\+?[0-9][0-9 -]{5,19}$";
}
