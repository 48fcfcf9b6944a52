package id.lumbung.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;

/**
 * Opaque list cursors: the sort key of the last item seen, base64url-encoded so that clients do
 * not build them by hand and the key can change shape later.
 */
public final class Cursor {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Cursor() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public static UUID decodeUuid(String cursor) {
        try {
            return UUID.fromString(decode(cursor));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /**
     * The id after which a list ordered by (time-ordered UUIDv7) id continues: the cursor's id, or
     * the nil UUID, which sorts before every id, for the first page.
     */
    public static UUID afterId(String cursor) {
        return cursor == null ? new UUID(0, 0) : decodeUuid(cursor);
    }

    /** The page size asked for, defaulted and checked against the bounds every list shares. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ApiException.invalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    private static ApiException invalid() {
        return new ApiException(ProblemType.INVALID_PARAMETER, "after: not a cursor returned by this list",
                java.util.List.of(new id.lumbung.platform.error.Problem.FieldError("after", "not a valid cursor")));
    }
}
