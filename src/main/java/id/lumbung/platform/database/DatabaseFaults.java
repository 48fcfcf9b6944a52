package id.lumbung.platform.database;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

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
 */
public final class DatabaseFaults {

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
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
        return search(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Whether a JDBC SQL state is one of a connection that cannot be used. */
    public static boolean unavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || UNAVAILABLE_STATES.contains(sqlState));
    }

    private static boolean search(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof JDBCConnectionException) {
            return true;
        }
        if (failure instanceof SQLException sql && (unavailableState(sql.getSQLState())
                || sql.getMessage() != null
                        && sql.getMessage().toLowerCase(Locale.ROOT).contains(ACQUISITION_TIMEOUT))) {
            return true;
        }
        if (failure instanceof SQLException sql && search(sql.getNextException(), seen)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (search(suppressed, seen)) {
                return true;
            }
        }
        return search(failure.getCause(), seen);
    }
}
