package id.lumbung.loan.quality;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of the LED's loan-quality setting: a preset, or a custom table of 3 or 5 classes. */
@Schema(name = "LoanQualityRequest")
public record LoanQualityRequest(
        @Schema(description = "One of the shipped tables (see the README for their sources). Leave out to give a "
                + "custom table instead.", nullable = true, example = "UPK")
        QualityPreset preset,
        @Schema(description = "A custom table's measure.", nullable = true, example = "DAYS_PAST_DUE")
        QualityMeasure measure,
        @Schema(description = "A custom table's classes, best first: 3 or 5 of LANCAR, DALAM_PERHATIAN_KHUSUS, "
                + "KURANG_LANCAR, DIRAGUKAN, MACET in that order (LANCAR first, MACET last), bounds strictly "
                + "increasing, only the last open-ended (`upTo` null), rates from 0 to 100 never falling.",
                nullable = true)
        List<QualityClass> classes,
        @Schema(description = "The first day the change applies; default today in the LED's calendar. Not after "
                + "today, not before the latest change's effectiveFrom, not inside a closed period.",
                nullable = true, example = "2026-04-01")
        LocalDate effectiveFrom) {
}
