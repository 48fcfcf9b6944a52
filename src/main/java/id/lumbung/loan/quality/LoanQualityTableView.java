package id.lumbung.loan.quality;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.schedule.Frequency;

/** A loan-quality setting as a reader sees it: the preset (if any) and the tables it classifies by. */
@Schema(name = "LoanQualityTable")
public record LoanQualityTableView(
        @Schema(description = "The preset; null for a custom table.", nullable = true, example = "BANK")
        QualityPreset preset,
        @Schema(description = "What the bounds count.", example = "DAYS_PAST_DUE", required = true)
        QualityMeasure measure,
        @Schema(description = "The classes monthly loans are classified by, best first.", required = true)
        List<QualityClass> classes,
        @Schema(description = "The classes weekly loans are classified by: LKM's weekly bands; UPK's months as "
                + "missed weekly installments (four to a month, rounded up); the same as `classes` otherwise.",
                required = true)
        List<QualityClass> weeklyClasses) {

    static LoanQualityTableView from(QualitySetting setting) {
        QualityTable monthly = setting.table(Frequency.MONTHLY);
        return new LoanQualityTableView(setting.preset(), monthly.measure(), monthly.classes(),
                setting.table(Frequency.WEEKLY).classes());
    }
}
