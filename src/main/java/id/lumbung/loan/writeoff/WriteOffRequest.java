package id.lumbung.loan.writeoff;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** A manager's request to write a loan off. */
@Schema(name = "WriteOffRequest")
public record WriteOffRequest(
        @Schema(description = "The day of the write-off entry: not before anything already recorded on the loan, "
                + "not after today.", example = "2027-06-30")
        @NotNull LocalDate on,
        @Schema(example = "Anggota pindah ke luar daerah, usaha kerupuk sagu tutup; ditagih 6 kali tanpa hasil")
        @NotBlank @Size(max = 500)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String reason) {
}
