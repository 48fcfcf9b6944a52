package id.lumbung.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.ledger.LedCalendar;
import id.lumbung.platform.error.ApiException;

/** Pages of an LED's audit trail for its manager and auditors. */
@ApplicationScoped
class AuditReader {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditLog log;
    private final LedCalendar calendar;

    AuditReader(AuditLog log, LedCalendar calendar) {
        this.log = log;
        this.calendar = calendar;
    }

    /**
     * Events in sequence order after sequence {@code after}; {@code from} and {@code to} are days
     * of the LED's calendar, both included.
     */
    @Transactional
    AuditPage page(UUID ledId, LocalDate from, LocalDate to, String actor, Integer limit, String after) {
        int size = limit(limit);
        long afterSequence = after(after);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.invalidParameter("to", "must not be before from (" + from + ")");
        }
        ZoneId zone = calendar.zone(ledId);
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        List<AuditEvent> fetched = log.page(ledId, new AuditLog.Filter(start, end, who), afterSequence, size + 1);
        boolean more = fetched.size() > size;
        List<AuditEvent> shown = more ? fetched.subList(0, size) : fetched;
        String next = more ? Long.toString(shown.get(shown.size() - 1).sequence()) : null;
        return new AuditPage(shown.stream().map(AuditView::from).toList(), next);
    }

    private static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ApiException.invalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    private static long after(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            long sequence = Long.parseLong(after);
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalidParameter("after", "must be the sequence number of the last event seen (0 or more)");
    }
}
