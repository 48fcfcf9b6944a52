package id.lumbung.training.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/**
 * A programme's monitoring indicators as of a day (issue 11, definitions in the README): overall, by
 * segment and by gender, and the LED's borrowers who were never trainees to compare the trained with.
 * Ratios are decimal fractions with four places (as the portfolio report writes them), averages have
 * two places; a ratio or average of nothing is null, not zero.
 */
@Schema(name = "ProgrammeIndicators")
public record IndicatorsView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000201") UUID programmeId,
        @Schema(example = "2026-12-01") LocalDate asOf,
        @Schema(description = "Every trainee enrolled by `asOf`.") Figures overall,
        BySegment bySegment,
        ByGender byGender,
        @Schema(description = "Loans disbursed by `asOf` to the LED's members who were never enrolled in any "
                + "programme: the comparison for the trained borrowers.") Repayment neverTrainedBorrowers) {

    /** The indicators of one set of trainees. */
    @Schema(name = "ProgrammeIndicatorFigures")
    public record Figures(
            @Schema(example = "25") int enrolled,
            @Schema(description = "Sessions attended ÷ sessions held between the trainee's enrolment and exit (or "
                    + "`asOf`), averaged over the trainees for whom a session was held; null when none.",
                    example = "0.8750", nullable = true) String averageAttendanceRate,
            @Schema(example = "20") int completed,
            @Schema(description = "Completed ÷ enrolled.", example = "0.8000", nullable = true) String completionRate,
            @Schema(example = "2") int withdrawn,
            @Schema(description = "Per module of the programme, in its order.") List<ModuleScore> modules,
            @Schema(description = "Mean of the feedback ratings (1–5) given by `asOf`; null when none.",
                    example = "4.25", nullable = true) String averageFeedbackRating,
            Capital capital,
            @Schema(description = "Loans disbursed on or after the trainee's enrolment.") Repayment trainedBorrowers,
            @Schema(description = "Loans disbursed to trainees before their enrolment, shown apart.")
            Repayment capitalBeforeEnrolment,
            Businesses businessesStarted,
            Employment employed,
            Income monthlyIncome,
            @Schema(description = "Distinct KUB groups that trainees' outcomes name as formed or joined.",
                    example = "3") int groupsFormedOrJoined) {
    }

    @Schema(name = "ProgrammeIndicatorsBySegment")
    public record BySegment(Figures youth, Figures adult, Figures elderly) {
    }

    @Schema(name = "ProgrammeIndicatorsByGender")
    public record ByGender(Figures female, Figures male) {
    }

    @Schema(name = "ProgrammeModuleScore")
    public record ModuleScore(
            @Schema(example = "KEU") String moduleCode,
            @Schema(example = "Pengelolaan Keuangan") String title,
            @Schema(example = "18") int evaluations,
            @Schema(description = "Null when no evaluation.", example = "72.50", nullable = true) String averageScore,
            @Schema(description = "Evaluations with a score of 60 or more ÷ evaluations; null when none.",
                    example = "0.8889", nullable = true) String passingShare) {
    }

    @Schema(name = "ProgrammeCapitalIndicators")
    public record Capital(
            @Schema(description = "Trainees who received capital: assistance given to them or a loan disbursed "
                    + "on or after their enrolment, by `asOf`.", example = "6") int trainees,
            @Schema(description = "The assistance values and loan principals counted.") Amount totalAmount,
            @Schema(description = "Median over completed trainees with capital of the days from completion to "
                    + "their first capital (negative when it came before completion); null when none.",
                    example = "21", nullable = true) Long medianDaysFromCompletionToFirstCapital) {
    }

    @Schema(name = "ProgrammeRepaymentIndicators")
    public record Repayment(
            @Schema(example = "4") int loans,
            @Schema(example = "3") int borrowers,
            @Schema(description = "Principal outstanding at the end of `asOf`.") Amount outstanding,
            @Schema(description = "Outstanding of loans more than 30 days past due ÷ outstanding.",
                    example = "0.1250") String par30,
            @Schema(description = "Loans whose last installment is due by `asOf`.", example = "2") int matured,
            @Schema(description = "Matured loans with every installment paid by its due date ÷ matured loans; "
                    + "null when none matured.", example = "0.5000", nullable = true)
            String fullyRepaidOnScheduleShare,
            @Schema(description = "Mean days past due over the loans in arrears; null when none.",
                    example = "45.00", nullable = true) String averageDaysPastDue) {
    }

    @Schema(name = "ProgrammeBusinessIndicators")
    public record Businesses(
            @Schema(description = "Trainees whose latest outcome says a business was started.", example = "9")
            int count,
            @Schema(description = "Count ÷ enrolled.", example = "0.3600", nullable = true) String share) {
    }

    @Schema(name = "ProgrammeEmploymentIndicators")
    public record Employment(
            @Schema(description = "Trainees with an outcome by `asOf`.", example = "20") int withOutcome,
            @Schema(description = "Employed at their earliest outcome ÷ trainees with an outcome.",
                    example = "0.4000", nullable = true) String baselineShare,
            @Schema(description = "Employed at their latest outcome ÷ trainees with an outcome.",
                    example = "0.6500", nullable = true) String nowShare) {
    }

    @Schema(name = "ProgrammeIncomeIndicators")
    public record Income(
            @Schema(description = "Median monthly income at the earliest outcome; null when none.", nullable = true)
            Amount medianBaseline,
            @Schema(description = "Median monthly income at the latest outcome; null when none.", nullable = true)
            Amount medianNow,
            @Schema(description = "Median of each trainee's latest minus earliest income; null when none.",
                    nullable = true)
            Amount medianChange) {
    }
}
