package id.lumbung.platform.http;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;

/**
 * Optimistic concurrency for the resources that are replaced or patched in place (member,
 * lending and loan-quality settings): their ETag is the stored version ({@code "7"}), and a
 * request with {@code If-Match} changes them only while that version is still current (RFC 9110
 * §13.1.1), so two managers never overwrite each other silently. Without If-Match the change is
 * made as before; clients should send it.
 */
public final class ETags {

    public static final String IF_MATCH = "If-Match";
    public static final String ETAG = "ETag";

    private ETags() {
    }

    /** The strong entity tag of a version, quoted as the header carries it. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Refuses with 412 {@code precondition-failed} unless {@code ifMatch} is absent, {@code *}, or
     * lists the current version's tag. A weak tag ({@code W/"7"}) never matches: If-Match compares
     * strongly.
     */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String tag = of(current);
        for (String candidate : ifMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*") || value.equals(tag)) {
                return;
            }
        }
        throw stale(current);
    }

    /**
     * 412: the resource moved on to {@code current} since the client read it. The answer carries the
     * current version as its {@code ETag} (RFC 9110 §13.1.1 leaves that to the server; it tells the
     * client which version to read).
     */
    public static ApiException stale(long current) {
        return new Stale(current);
    }

    /** A 412 that knows the version now current. */
    public static final class Stale extends ApiException {

        private final long current;

        Stale(long current) {
            super(ProblemType.PRECONDITION_FAILED, "If-Match does not name the current version " + of(current)
                    + ": someone changed it since you read it; read it again and reapply your change");
            this.current = current;
        }

        /** The current version's tag, as the ETag header carries it. */
        public String currentTag() {
            return of(current);
        }
    }

    /** Whether a request named a version it expects. */
    public static boolean given(String ifMatch) {
        return ifMatch != null && !ifMatch.isBlank();
    }
}
