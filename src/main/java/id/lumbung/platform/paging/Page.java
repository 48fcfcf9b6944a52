package id.lumbung.platform.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items and the cursor of the next page ({@code null} on the last page). */
public record Page<T>(
        List<T> items,
        @Schema(description = "Pass as `after` to get the next page; null on the last page.", nullable = true,
                example = "MTI") String next) {

    /**
     * Builds a page from up to {@code limit + 1} fetched rows: the extra row only says that there is
     * a next page, whose cursor is the key of the last row shown.
     */
    public static <R, T> Page<T> of(List<R> fetched, int limit, Function<R, T> view, Function<R, String> key) {
        boolean more = fetched.size() > limit;
        List<R> shown = more ? fetched.subList(0, limit) : fetched;
        String next = more ? Cursor.encode(key.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
