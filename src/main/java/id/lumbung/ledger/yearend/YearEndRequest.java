package id.lumbung.ledger.yearend;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import id.lumbung.platform.validation.Text;
import id.lumbung.statement.settings.SurplusTarget;

/** A request to close a year and allocate its surplus as the village assembly decided. */
@Schema(name = "YearEndRequest")
public record YearEndRequest(
        @Schema(example = "2026") @NotNull @Min(2000) @Max(2200) Integer year,
        @Schema(description = "The assembly's decision, in order; the last target takes the rounding remainder. "
                + "Empty for a deficit year, or to keep the whole surplus retained.")
        @NotNull @Size(max = 10) List<@NotNull @Valid Share> allocation,
        @Schema(description = "The day of the assembly's decision: the allocation entry's date, after the year.",
                example = "2027-02-15") @NotNull LocalDate decidedOn,
        @Schema(example = "Berita Acara MAD 12/2026") @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String decisionReference) {

    /** One target's percentage of the surplus. */
    @Schema(name = "YearEndShare")
    public record Share(@Schema(example = "CAPITAL") @NotNull SurplusTarget to,
            @Schema(description = "Percent of the surplus, up to two decimals.", example = "50")
            @NotBlank @Pattern(regexp = "^[0-9]{1,3}(\\.[0-9]{1,2})?$",
                    message = "must be a percentage like 50 or 12.5") String percent) {
    }
}
