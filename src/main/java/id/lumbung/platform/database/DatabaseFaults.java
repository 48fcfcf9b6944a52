package id.lumbung.platform.database;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database that cannot be reached from every other failure, so that the request answers
 * 503 {@code database-unavailable} (retry later, with the same Idempotency-Key) instead of 500.
 *
 * <p>Unavailable means: the connection was refused, lost or broken (SQL state class 08, what
 * PostgreSQL's JDBC driver reports as "An I/O error occurred while sending to the backend"), the
 * server ended the session or is starting or stopping (57P01 admin shutdown, as after
 * {@code pg_terminate_backend} or a failover; 57P02 crash shutdown; 57P03 cannot connect now), it
 * has no connection slot left (53300), or the pool found no connection within its acquisition
 * timeout. The exception may be wrapped any number of times (Hibernate, Narayana, the idempotency
 * store), so causes and suppressed exceptions are searched.
 *
 * <p>{@link #connectionLost} is the narrower case a read may be retried for: a connection that
 * worked when it was borrowed and broke before it was used. A refused connection, a server that is
 * starting, no free slot and an exhausted pool are left out: a retry would only wait for the same
 * answer again.
 */
public final class DatabaseFaults {

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** Class 08 states of a connection that could not be made at all (unable to connect, rejected). */
    private static final Set<String> NEVER_CONNECTED_STATES = Set.of("08001", "08004");
    /** The server ended a session it had accepted: pg_terminate_backend, a restart or failover, a crash. */
    private static final Set<String> SESSION_ENDED_STATES = Set.of("57P01", "57P02");
    /**
     * What Agroal says when no connection could be had in time; it sets no SQL state, so the message is all
     * there is. "Sorry, acquisition timeout!" when every connection stayed busy (the pool is exhausted, as
     * under a burst of load or right after a restart), "Acquisition timeout while waiting for new connection"
     * when opening one took too long; compared ignoring case, so both match.
     */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private DatabaseFaults() {
    }

    /** Whether {@code failure}, or anything it wraps, says the database cannot be reached right now. */
    public static boolean unavailable(Throwable failure) {
        return search(failure, DatabaseFaults::unreachable, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Whether {@code failure}, or anything it wraps, says an established connection was lost (SQL
     * state class 08 other than 08001 and 08004, or 57P01 and 57P02): the same work may succeed at
     * once on another connection.
     */
    public static boolean connectionLost(Throwable failure) {
        return search(failure, DatabaseFaults::lost, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Whether a JDBC SQL state is one of a connection that cannot be used. */
    public static boolean unavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || UNAVAILABLE_STATES.contains(sqlState));
    }

    private static boolean unreachable(Throwable failure) {
        // JDBCConnectionException is what Hibernate makes of a class 08 state.
        return failure instanceof JDBCConnectionException
                || failure instanceof SQLException sql && (unavailableState(sql.getSQLState())
                        || sql.getMessage() != null
                                && sql.getMessage().toLowerCase(Locale.ROOT).contains(ACQUISITION_TIMEOUT));
    }

    private static boolean lost(Throwable failure) {
        String state = failure instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") && !NEVER_CONNECTED_STATES.contains(state)
                || SESSION_ENDED_STATES.contains(state));
    }

    private static boolean search(Throwable failure, Predicate<Throwable> matches, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (matches.test(failure)) {
            return true;
        }
        if (failure instanceof SQLException sql && search(sql.getNextException(), matches, seen)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (search(suppressed, matches, seen)) {
                return true;
            }
        }
        return search(failure.getCause(), matches, seen);
    }
}
