package id.lumbung.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A scratch PostgreSQL database per test run: {@code lumbung_test_<random>}, created as the
 * service's role and dropped afterwards. Never the dev database, never Dev Services (no Docker).
 * The server comes from {@code LUMBUNG_DB_HOST/PORT/USER/PASSWORD} (what {@code scripts/ensure-postgres.sh}
 * set up), defaulting to 127.0.0.1:5432 and lumbung/lumbung.
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

    @Override
    public Map<String, String> start() {
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

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database: '" + sql + "' failed (" + e.getMessage()
                    + "). Run scripts/ensure-postgres.sh first: it creates the lumbung role with CREATEDB.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
