package id.lumbung.training.trainee;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A trainee with everything recorded about their training. */
@Schema(name = "TraineeDetail")
public record TraineeDetailView(
        TraineeView trainee,
        @Schema(description = "By module, in the programme's order.") List<EvaluationView> evaluations,
        @Schema(description = "Oldest first.") List<FeedbackView> feedback,
        @Schema(description = "Oldest first: the first is the baseline, the last is now.") List<OutcomeView> outcomes) {
}
