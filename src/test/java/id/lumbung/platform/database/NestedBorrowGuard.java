package id.lumbung.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.postgresql.PGConnection;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Test only: refuses a second pool connection to a thread that already holds one. Such a thread
 * waits for the pool while keeping a connection from it; when as many threads as the pool has
 * connections do that at once, none can go on and every one of them runs into the acquisition
 * timeout (503). That happened to eight concurrent adjustments on a new LED, whose settings were
 * read on one connection while their defaults were read on a second. Inside a transaction the pool
 * hands the thread its transaction's connection again, which is not a second borrow and passes.
 *
 * <p>Throwing makes the request fail, so every test that walks such a path fails by name, with the
 * stack of both borrows in the service log. Flyway's start-up work is not watched, nor the one
 * sanctioned exception, {@link SecondConnection}, which bounds how many requests hold two at once.
 */
@Singleton
@IfBuildProfile("test")
public class NestedBorrowGuard implements AgroalPoolInterceptor {

    /** How long a connection the pool took back without telling interceptors may take to be closed. */
    private static final long STALE_MILLIS = 2_000;

    /**
     * Each connection out of the pool, by its driver connection (the pool hands interceptors a new
     * wrapper each time, so a wrapper does not identify it), with the thread that borrowed it and where.
     */
    private final Map<String, Borrow> borrowed = new ConcurrentHashMap<>();
    private volatile boolean watching;

    private record Borrow(Thread thread, Throwable where) {
    }

    void start(@Observes StartupEvent started) {
        watching = true;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        String key = driverConnection(connection);
        Thread current = Thread.currentThread();
        if (watching) {
            // The one sanctioned exception holds at most one other (SecondConnection bounds how many do).
            Optional<Map.Entry<String, Borrow>> held = SecondConnection.holdingTwo() && heldCount(current, key) <= 1
                    ? Optional.empty() : heldElsewhere(current, key);
            // A connection the pool takes back while it shrinks is closed a moment later, without a return
            // to tell us; the current thread cannot give back one it really holds while it is in here.
            long deadline = System.currentTimeMillis() + STALE_MILLIS;
            while (held.isPresent() && System.currentTimeMillis() < deadline) {
                pause();
                held = heldElsewhere(current, key);
            }
            if (held.isPresent()) {
                throw new IllegalStateException("nested pool borrow: thread " + current.getName()
                        + " asks for a second connection while it holds one (can deadlock the pool); it took the"
                        + " one it holds here", held.get().getValue().where());
            }
        }
        borrowed.put(key, new Borrow(current, new Throwable("first borrow")));
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        borrowed.remove(driverConnection(connection));
    }

    /** Called with a wrapper of a closed connection, which prints the driver connection it held. */
    @Override
    public void onConnectionDestroy(Connection connection) {
        String wrapper = connection.toString();
        borrowed.keySet().removeIf(wrapper::contains);
    }

    private long heldCount(Thread current, String key) {
        return borrowed.entrySet().stream()
                .filter(entry -> entry.getValue().thread() == current && !entry.getKey().equals(key)).count();
    }

    private Optional<Map.Entry<String, Borrow>> heldElsewhere(Thread current, String key) {
        return borrowed.entrySet().stream()
                .filter(entry -> entry.getValue().thread() == current && !entry.getKey().equals(key))
                .findAny();
    }

    private static String driverConnection(Connection connection) {
        try {
            return connection.unwrap(PGConnection.class).toString();
        } catch (SQLException e) {
            return connection.toString();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
