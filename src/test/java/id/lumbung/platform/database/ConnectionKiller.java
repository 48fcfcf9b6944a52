package id.lumbung.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import org.postgresql.PGConnection;

import id.lumbung.support.Db;
import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Test only: breaks a connection between borrow and use, deterministically. When armed with a
 * resource class, each of the next connections the pool hands out (already validated on borrow) to
 * code running inside that resource has its backend ended from another session — as a restart or a
 * failover ends it — and is given to the caller dead, so the resource's first query fails. It
 * also notes which backends the pool destroys, to show a broken connection is not pooled again.
 */
@Singleton
@IfBuildProfile("test")
public class ConnectionKiller implements AgroalPoolInterceptor {

    private final AtomicReference<Class<?>> armed = new AtomicReference<>();
    private final AtomicInteger remaining = new AtomicInteger();
    /** The driver's connection of each backend killed, by pid. */
    private final Map<Integer, String> killed = new ConcurrentHashMap<>();
    /** What the pool's wrapper of each destroyed connection prints. */
    private final Set<String> destroyed = ConcurrentHashMap.newKeySet();

    /** Kills the next {@code times} connections borrowed from within {@code resource}. */
    public void arm(Class<?> resource, int times) {
        remaining.set(times);
        armed.set(resource);
    }

    public void disarm() {
        armed.set(null);
        remaining.set(0);
    }

    /** Backend pids killed so far. */
    public Set<Integer> killed() {
        return Set.copyOf(killed.keySet());
    }

    /**
     * Whether the pool destroys the connection of that backend within {@code patience}. The pool takes a
     * flagged connection out of use when it is given back, but closes it on its housekeeping thread, a
     * moment later: so this waits for the close rather than reading the state once.
     */
    public synchronized boolean destroyedWithin(int pid, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!destroyed(pid)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private boolean destroyed(int pid) {
        String driverConnection = killed.get(pid);
        return driverConnection != null && destroyed.stream().anyMatch(wrapper -> wrapper.contains(driverConnection));
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        Class<?> resource = armed.get();
        if (resource == null || !calledFrom(resource) || remaining.getAndDecrement() <= 0) {
            return;
        }
        try (Connection admin = Db.connect()) {
            PGConnection driverConnection = connection.unwrap(PGConnection.class);
            int pid = driverConnection.getBackendPID();
            terminate(admin, pid);
            killed.put(pid, driverConnection.toString());
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("could not kill the connection's backend", e);
        }
    }

    /**
     * Called with a fresh wrapper, whose unwrap fails once the connection is closed; the wrapper prints the
     * driver's connection it holds, so that is what identifies it.
     */
    @Override
    public void onConnectionDestroy(Connection connection) {
        destroyed.add(connection.toString());
        synchronized (this) {
            notifyAll();
        }
    }

    private static boolean calledFrom(Class<?> resource) {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                frame -> frame.getClassName().equals(resource.getName())));
    }

    /** Ends the backend and waits until it has gone, so its client finds the connection closed. */
    private static void terminate(Connection admin, int pid) throws SQLException, InterruptedException {
        try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)");
                PreparedStatement alive = admin.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE pid = ?")) {
            kill.setInt(1, pid);
            kill.execute();
            alive.setInt(1, pid);
            for (int i = 0; i < 100; i++) {
                try (ResultSet row = alive.executeQuery()) {
                    if (!row.next()) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("backend " + pid + " still runs two seconds after pg_terminate_backend");
        }
    }
}
