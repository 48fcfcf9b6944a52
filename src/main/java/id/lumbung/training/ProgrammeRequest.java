package id.lumbung.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** A new training programme with its modules and the funding pledged to it. */
@Schema(name = "ProgrammeRequest")
public record ProgrammeRequest(
        @Schema(example = "Pelatihan Kewirausahaan Digital Duri Selatan")
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
                message = "must not contain control characters") String name,
        @Schema(example = "2026-03-02") @NotNull LocalDate startsOn,
        @Schema(description = "On or after `startsOn`.", example = "2026-08-31") @NotNull LocalDate endsOn,
        @Schema(example = "Balai Desa Duri Selatan", nullable = true)
        @Size(max = 200) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
                message = "must not contain control characters") String venue,
        @Schema(example = "VILLAGE_HALL", nullable = true) VenueType venueType,
        @Schema(description = "The age group the programme is for, if one.", example = "YOUTH", nullable = true)
        Segment segment,
        @Schema(description = "At least one; codes unique within the programme.")
        @NotEmpty @Size(max = 50) List<@NotNull @Valid ModuleLine> modules,
        @Schema(example = "2", nullable = true) @Min(1) @Max(14) Integer sessionsPerWeek,
        @Schema(example = "3", nullable = true) @DecimalMin(value = "0", inclusive = false) @DecimalMax("24")
        BigDecimal hoursPerSession,
        @Schema(description = "What each funder pledged; names unique within the programme.", nullable = true)
        @Size(max = 50) List<@NotNull @Valid FundingLine> funding) {

    /** One module of the programme; it ends with an evaluation. */
    @Schema(name = "ProgrammeModuleRequest")
    public record ModuleLine(
            @Schema(description = "Short code, unique within the programme: sessions and evaluations name it.",
                    example = "KEU") @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$",
                    message = "must be 1 to 20 letters, digits, - or _") String code,
            @Schema(example = "Pengelolaan Keuangan") @NotBlank @Size(max = 200)
            @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
            String title,
            @Schema(example = "FINANCIAL_MANAGEMENT") @NotNull ModuleArea area) {
    }

    /** What one funder pledged. */
    @Schema(name = "ProgrammeFundingRequest")
    public record FundingLine(
            @Schema(example = "SPONSOR") @NotNull FundingSource source,
            @Schema(description = "The funder, as receipts and expenses name the line.",
                    example = "CSR PT Pertamina Hulu Rokan") @NotBlank @Size(max = 200)
            @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
            String name,
            @Schema(description = "Rupiah pledged, greater than zero.") @NotNull Amount amount) {
    }
}
