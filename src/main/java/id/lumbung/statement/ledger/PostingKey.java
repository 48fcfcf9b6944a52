package id.lumbung.statement.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.paging.Cursor;

/**
 * Where a posting sits in a book's order: effective date, then entry number, then line. The three
 * together are unique within an LED, so a page cursor made of them never skips nor repeats a line,
 * even when a back-dated entry lands between two pages' reads. The cursor is that key,
 * {@code 2026-03-14:1284:2}, base64url-encoded like every list's cursor.
 */
record PostingKey(LocalDate day, long entryNumber, int line) {

    /** The key before every posting of {@code day}: a first page starts after it. */
    static PostingKey before(LocalDate day) {
        return new PostingKey(day, 0, 0);
    }

    String cursor() {
        return Cursor.encode(day + ":" + entryNumber + ":" + line);
    }

    /** The key of an {@code after} cursor, which must lie in the range asked for. */
    static PostingKey fromCursor(String cursor, LocalDate from, LocalDate to) {
        String[] parts = Cursor.decode(cursor).split(":", -1);
        PostingKey key;
        try {
            if (parts.length != 3) {
                throw invalid();
            }
            key = new PostingKey(LocalDate.parse(parts[0]), Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid();
        }
        if (key.day.isBefore(from) || key.day.isAfter(to) || key.entryNumber < 1 || key.line < 1) {
            // A cursor of another range would give this page an opening balance of that range.
            throw ApiException.invalidParameter("after", "not a cursor of this book and range");
        }
        return key;
    }

    private static ApiException invalid() {
        return ApiException.invalidParameter("after", "not a cursor returned by this list");
    }
}
