package id.lumbung.training.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A district's training indicators as of a day (issue 11): every programme of every LED of the
 * district pooled, and each LED's own beside them. Counts and amounts of the district are the sums of
 * its LEDs'; its rates, averages and medians are recomputed from the pooled trainees and loans, never
 * averaged across LEDs. Figures as in {@link IndicatorsView}.
 */
@Schema(name = "DistrictTrainingIndicators")
public record DistrictTrainingIndicatorsView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000001") UUID districtId,
        @Schema(example = "2026-12-01") LocalDate asOf,
        @Schema(description = "Programmes of the district's LEDs.", example = "3") int programmes,
        @Schema(description = "Every trainee of every programme of the district enrolled by `asOf`.")
        IndicatorsView.Figures overall,
        IndicatorsView.BySegment bySegment,
        IndicatorsView.ByGender byGender,
        @Schema(description = "Loans disbursed by `asOf` to members of the district's LEDs who were never enrolled "
                + "in any programme of their LED.") IndicatorsView.Repayment neverTrainedBorrowers,
        @Schema(description = "Each LED of the district, by name, with its own programmes' figures.")
        List<LedIndicators> leds) {

    /** One LED's figures over all its programmes, as its share of the district. */
    @Schema(name = "DistrictLedTrainingIndicators")
    public record LedIndicators(
            @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000101") UUID ledId,
            @Schema(example = "LED Desa Kuok") String name,
            @Schema(example = "1") int programmes,
            IndicatorsView.Figures overall,
            IndicatorsView.BySegment bySegment,
            IndicatorsView.ByGender byGender,
            IndicatorsView.Repayment neverTrainedBorrowers) {
    }
}
