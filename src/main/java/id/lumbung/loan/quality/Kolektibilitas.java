package id.lumbung.loan.quality;

/**
 * The Indonesian loan-quality classes (kolektibilitas), from best to worst: current, special
 * mention, substandard, doubtful, loss. A three-class table uses LANCAR, one middle class and MACET.
 */
public enum Kolektibilitas {
    LANCAR,
    DALAM_PERHATIAN_KHUSUS,
    KURANG_LANCAR,
    DIRAGUKAN,
    MACET
}
