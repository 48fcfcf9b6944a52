package id.lumbung.platform.database;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one sanctioned way for a request to hold a pool connection while it takes another: at most
 * half the pool's connections may be held like that at once, so the other half always serves the
 * second connections (and every other request) and the pool cannot deadlock. Without the bound,
 * as many such requests as the pool has connections would each hold one and wait for another until
 * the acquisition timeout (503).
 *
 * <p>Used by a field batch that carries its own key and is not atomic: its key is claimed in the
 * batch's transaction (so that a twin of the batch sent at the same time waits, 409 in flight)
 * while each operation commits in a transaction of its own. Everything else takes one connection
 * at a time (README "One connection at a time"; tests refuse a second one anywhere else).
 */
@ApplicationScoped
public class SecondConnection {

    private static final ThreadLocal<Boolean> HOLDING_TWO = ThreadLocal.withInitial(() -> false);
    /** How long a request waits for its turn; then 503, as for a connection the pool cannot give. */
    private static final long WAIT_SECONDS = 30;

    private final Semaphore turns;

    public SecondConnection(@ConfigProperty(name = "quarkus.datasource.jdbc.max-size") int poolSize) {
        turns = new Semaphore(Math.max(1, poolSize / 2), true);
    }

    /**
     * Runs {@code work}, which may hold one connection while it takes a second, once a turn is free.
     * Call it before the work's transaction has touched the database: the wait holds no connection.
     */
    public <T> T run(Supplier<T> work) {
        try {
            if (!turns.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no turn to hold a second connection",
                        new SQLTransientConnectionException("every turn to hold a second connection stayed busy for "
                                + WAIT_SECONDS + " s", "08001"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn to hold a second connection", e);
        }
        HOLDING_TWO.set(true);
        try {
            return work.get();
        } finally {
            HOLDING_TWO.remove();
            turns.release();
        }
    }

    /** Whether the current thread runs work that may hold a second connection (tests check every borrow). */
    public static boolean holdingTwo() {
        return HOLDING_TWO.get();
    }
}
