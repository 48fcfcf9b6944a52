package id.lumbung.training.trainee;

/** Where a trainee stands: still in training, or out of it by completion or withdrawal (each once). */
public enum TraineeStatus {
    ENROLLED, COMPLETED, WITHDRAWN
}
