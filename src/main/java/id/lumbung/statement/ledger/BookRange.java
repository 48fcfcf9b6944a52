package id.lumbung.statement.ledger;

import java.time.LocalDate;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.paging.Cursor;

/**
 * The part of a book a request asks for, checked before anything is read: the days, and either a
 * page (JSON) or the whole range (CSV and PDF, which an auditor downloads as the book itself).
 *
 * @param after the posting the page starts after; null for the first page and for the whole range
 * @param limit lines per page; 0 for the whole range
 */
public record BookRange(LocalDate from, LocalDate to, PostingKey after, int limit) {

    /** A page is as long as the statement benchmark's (docs/benchmarks.md); the bounds are every list's. */
    static final int DEFAULT_LIMIT = 100;

    /**
     * {@code to} defaults to today in the LED's calendar and {@code from} to January 1 of {@code to}'s
     * year: the book of the year so far, the one a village auditor asks for first.
     */
    public static BookRange of(LocalDate from, LocalDate to, LocalDate today, Integer limit, String after,
            boolean whole) {
        LocalDate last = to != null ? to : today;
        LocalDate first = from != null ? from : last.withDayOfYear(1);
        if (first.isAfter(last)) {
            throw ApiException.invalidParameter("from", "must not be after 'to' (" + last + ")");
        }
        if (whole) {
            return new BookRange(first, last, null, 0);
        }
        int size = limit == null ? DEFAULT_LIMIT : Cursor.limit(limit);
        return new BookRange(first, last, after == null ? null : PostingKey.fromCursor(after, first, last), size);
    }

    boolean whole() {
        return limit == 0;
    }
}
