package id.lumbung.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * An empty database of its own for a migration test, on the tests' server, migrated step by step
 * with the real migrations: to the version before the one under test, rows written as they were then,
 * then on to the latest. Dropped by {@link #drop()}.
 */
public final class ScratchDatabase {

    private final String name;

    private ScratchDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code lumbung_test_<label>_<random>}. */
    public static ScratchDatabase create(String label) throws SQLException {
        ScratchDatabase database = new ScratchDatabase("lumbung_test_" + label + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
        admin("CREATE DATABASE " + database.name);
        return database;
    }

    public void drop() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Applies the migrations up to and including {@code version}. */
    public void migrateTo(String version) {
        flyway().target(version).load().migrate();
    }

    /** Applies every migration not applied yet. */
    public void migrate() {
        flyway().load().migrate();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.url(name), TestDatabase.user(), TestDatabase.password());
    }

    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(TestDatabase.url(name), TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabase.url("postgres"), TestDatabase.user(),
                TestDatabase.password()); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
