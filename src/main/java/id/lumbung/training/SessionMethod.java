package id.lumbung.training;

/** How a session teaches. */
public enum SessionMethod {
    WORKSHOP, MENTORING, CASE_STUDY
}
