package id.lumbung.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A scratch PostgreSQL database per test run: {@code lumbung_test_<random>}, created as the
 * service's role and dropped afterwards. Never the dev database, never Dev Services (no Docker).
 * The server comes from {@code LUMBUNG_DB_HOST/PORT/USER/PASSWORD} (what {@code scripts/ensure-postgres.sh}
 * set up), defaulting to 127.0.0.1:5432 and lumbung/lumbung.
 *
 * <p>On a fresh machine nothing is set up yet: when the service role cannot log in to a local server
 * (none answers, or the role does not exist), the resource runs {@code scripts/ensure-postgres.sh
 * --no-database} itself once — the same logic {@code scripts/run.sh} uses (start or install the local
 * cluster, create the role) — so that {@code git clone} and {@code ./mvnw -B verify} are enough.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private String name;

    public static String host() {
        return env("LUMBUNG_DB_HOST", "127.0.0.1");
    }

    public static String port() {
        return env("LUMBUNG_DB_PORT", "5432");
    }

    public static String user() {
        return env("LUMBUNG_DB_USER", "lumbung");
    }

    public static String password() {
        return env("LUMBUNG_DB_PASSWORD", "lumbung");
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** SQL states of "cannot log in": no server, refused, no such role, wrong password, no such database. */
    private static final Set<String> NOT_SET_UP = Set.of("08001", "08004", "08006", "28000", "28P01", "3D000");

    private static boolean prepared;

    @Override
    public Map<String, String> start() {
        prepareServer();
        name = "lumbung_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return Map.of(
                "quarkus.datasource.jdbc.url", url(name),
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password());
    }

    @Override
    public void stop() {
        if (name != null) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Runs ensure-postgres.sh when the role cannot log in to a local server; once per JVM. */
    private static synchronized void prepareServer() {
        if (prepared) {
            return;
        }
        prepared = true;
        try (Connection connection = DriverManager.getConnection(url("postgres"), user(), password())) {
            return;
        } catch (SQLException e) {
            boolean local = Set.of("127.0.0.1", "localhost", "::1").contains(host());
            if (!local || e.getSQLState() == null || !NOT_SET_UP.contains(e.getSQLState())) {
                return; // admin() reports it with what to do
            }
            System.out.println("Test database: " + user() + "@" + host() + ":" + port() + " cannot log in ("
                    + e.getMessage() + "); running scripts/ensure-postgres.sh --no-database");
        }
        Path script = Path.of("scripts", "ensure-postgres.sh").toAbsolutePath();
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "--no-database")
                    .inheritIO().start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Test database: " + script + " --no-database failed (see its output"
                        + " above); it needs root or sudo to start or install PostgreSQL on a new machine");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Test database: cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Test database: interrupted while preparing PostgreSQL", e);
        }
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database: '" + sql + "' failed (" + e.getMessage()
                    + "). scripts/ensure-postgres.sh sets up a local server and the role; for another server, create"
                    + " the role " + user() + " with LOGIN and CREATEDB there.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
