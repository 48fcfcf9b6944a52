package id.lumbung.batch;

/** An atomic batch with a refused operation: thrown out of its transaction so that nothing is written. */
final class BatchRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient BatchRefusal refusal;

    BatchRefused(BatchRefusal refusal) {
        super(refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    BatchRefusal refusal() {
        return refusal;
    }
}
