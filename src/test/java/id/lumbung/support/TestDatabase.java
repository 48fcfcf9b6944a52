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
 * The server is chosen once per JVM by {@link TestPostgres}: the one at {@code LUMBUNG_DB_HOST/PORT}
 * (default 127.0.0.1:5432, lumbung/lumbung), which {@code scripts/ensure-postgres.sh --no-database} prepares
 * when the role cannot log in to it on this machine, or — where nothing answers and PostgreSQL cannot be
 * installed (not root), or when {@code LUMBUNG_DB_MODE=embedded} — a throw-away embedded PostgreSQL.
 * So {@code git clone} and {@code ./mvnw -B verify} are enough either way.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private String name;

    public static String host() {
        return TestPostgres.host();
    }

    public static String port() {
        return TestPostgres.port();
    }

    public static String user() {
        return TestPostgres.user();
    }

    public static String password() {
        return TestPostgres.password();
    }

    public static String url(String database) {
        return TestPostgres.url(database);
    }

    /** {@code server} or {@code embedded}: which kind of PostgreSQL the tests run against. */
    public static String kind() {
        return TestPostgres.kind();
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
                    + "). scripts/ensure-postgres.sh sets up a local server and the role; for another server, create"
                    + " the role " + user() + " with LOGIN and CREATEDB there.", e);
        }
    }
}
