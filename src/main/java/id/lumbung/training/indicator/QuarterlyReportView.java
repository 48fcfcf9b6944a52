package id.lumbung.training.indicator;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The periodic report the programmes ask for every three months: the quarter's activity, the position at its end. */
@Schema(name = "ProgrammeQuarterlyReport")
public record QuarterlyReportView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000201") UUID programmeId,
        @Schema(example = "2026") int year,
        @Schema(example = "2") int quarter,
        @Schema(description = "The quarter's first day.", example = "2026-04-01") LocalDate from,
        @Schema(description = "The quarter's last day.", example = "2026-06-30") LocalDate to,
        @Schema(description = "The indicators of what is dated in the quarter: sessions held and their attendance, "
                + "completions and withdrawals, evaluations, feedback, capital given or disbursed, outcomes "
                + "recorded (the earliest and latest in the quarter), loans disbursed in it (their standing at "
                + "the quarter's end). Its trainees: enrolled by the quarter's end and not gone before its start.")
        IndicatorsView activity,
        @Schema(description = "The cumulative indicators as of the quarter's last day.") IndicatorsView cumulative) {
}
