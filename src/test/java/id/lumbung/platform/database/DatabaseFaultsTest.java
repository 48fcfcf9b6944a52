package id.lumbung.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemMappers;
import id.lumbung.platform.error.ProblemResponses;
import id.lumbung.support.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Which failures mean "the database cannot be reached" (503) and which are still bugs (500). */
class DatabaseFaultsTest {

    static Stream<Named<Throwable>> unreachable() {
        PSQLException ioError = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE);
        SQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command",
                "57P01");
        RollbackException commit = new RollbackException("commit failed");
        commit.addSuppressed(new SQLException("This connection has been closed.", "08003"));
        SQLException chained = new SQLException("batch failed", "XX000");
        chained.setNextException(new SQLException("An I/O error occurred", "08006"));
        return Stream.of(
                Named.of("the driver's I/O error (08006)", ioError),
                Named.of("a refused connection (08001)", refused),
                Named.of("Hibernate's JDBCConnectionException",
                        new PersistenceException(new JDBCConnectionException("could not execute query", ioError))),
                Named.of("a backend terminated by pg_terminate_backend (57P01)",
                        new GenericJDBCException("could not execute statement", terminated)),
                Named.of("a database starting up (57P03)", new SQLException("the database system is starting up",
                        "57P03")),
                Named.of("no connection slot left (53300)", new SQLException("too many connections", "53300")),
                Named.of("Agroal's acquisition timeout", new IllegalStateException(new SQLException(
                        "Acquisition timeout while waiting for new connection", new TimeoutException()))),
                // What Agroal 3 throws when all connections stay busy (found by scripts/chaos/crash-under-load.sh
                // at 64 clients: it answered 500), bare, behind the idempotency store and behind Hibernate.
                Named.of("an exhausted pool", new SQLException("Sorry, acquisition timeout!")),
                Named.of("an exhausted pool behind the idempotency store", new IllegalStateException(
                        "idempotency store failed: null", new SQLException("Sorry, acquisition timeout!"))),
                Named.of("an exhausted pool behind Hibernate", new GenericJDBCException(
                        "Unable to acquire JDBC Connection [Sorry, acquisition timeout!] [n/a]",
                        new SQLException("Sorry, acquisition timeout!"))),
                Named.of("the idempotency store's wrapped failure", new IllegalStateException(
                        "idempotency store failed: 08003", new SQLException("connection closed", "08003"))),
                Named.of("a commit whose connection closed (suppressed)", new IllegalStateException(commit)),
                Named.of("a chained SQLException", new RuntimeException(chained)),
                Named.of("a transient connection exception", new SQLTransientConnectionException("gone", "08000")));
    }

    static Stream<Named<Throwable>> bugs() {
        return Stream.of(
                Named.of("a unique violation", new ConstraintViolationException("duplicate key",
                        new SQLException("duplicate key value", "23505"), "uq")),
                Named.of("a NUL byte PostgreSQL refused", new SQLException("invalid byte sequence", "22021")),
                Named.of("an SQLException without state", new SQLException("something odd")),
                Named.of("a plain bug", new IllegalStateException("oops")),
                Named.of("a null pointer", new NullPointerException()));
    }

    /** A connection that worked and broke: a read may run again at once on another one. */
    static Stream<Named<Throwable>> lost() {
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command",
                "57P01");
        PSQLException ioError = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE);
        return Stream.of(
                Named.of("the driver's I/O error (08006)", ioError),
                Named.of("a closed connection (08003)", new SQLException("This connection has been closed.",
                        "08003")),
                Named.of("Hibernate's JDBCConnectionException",
                        new PersistenceException(new JDBCConnectionException("could not execute query", ioError))),
                Named.of("a backend terminated by pg_terminate_backend (57P01)",
                        new GenericJDBCException("could not execute statement", terminated)),
                Named.of("a crashed server (57P02)", new SQLException("terminating connection", "57P02")));
    }

    /** Unreachable, but a retry would only wait for the same answer: no connection could be had at all. */
    static Stream<Named<Throwable>> notLost() {
        SQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        return Stream.of(
                Named.of("a refused connection (08001)", refused),
                Named.of("a refused connection behind Hibernate",
                        new JDBCConnectionException("unable to obtain connection", refused)),
                Named.of("a rejected connection (08004)", new SQLException("rejected", "08004")),
                Named.of("a database starting up (57P03)", new SQLException("starting up", "57P03")),
                Named.of("no connection slot left (53300)", new SQLException("too many connections", "53300")),
                Named.of("an exhausted pool", new SQLException("Sorry, acquisition timeout!")),
                Named.of("a unique violation", new SQLException("duplicate key value", "23505")),
                Named.of("a plain bug", new IllegalStateException("oops")));
    }

    @ParameterizedTest
    @MethodSource("lost")
    void lostConnectionsAreRecognised(Throwable failure) {
        assertTrue(DatabaseFaults.connectionLost(failure));
        assertTrue(DatabaseFaults.unavailable(failure), "a lost connection must also answer 503");
    }

    @ParameterizedTest
    @MethodSource("notLost")
    void connectionsNeverMadeAreNotLost(Throwable failure) {
        assertFalse(DatabaseFaults.connectionLost(failure));
    }

    @ParameterizedTest
    @MethodSource("unreachable")
    void unreachableDatabasesAreRecognised(Throwable failure) {
        assertTrue(DatabaseFaults.unavailable(failure));
    }

    @ParameterizedTest
    @MethodSource("bugs")
    void otherFailuresAreNot(Throwable failure) {
        assertFalse(DatabaseFaults.unavailable(failure));
    }

    @ParameterizedTest
    @MethodSource("unreachable")
    void theMapperAnswers503WithRetryAfter(Throwable failure) {
        ProblemMappers mappers = new ProblemMappers(new ProblemResponses(new SimpleMeterRegistry()));
        Exception exception = failure instanceof Exception e ? e : new RuntimeException(failure);
        Response response = mappers.unexpected(exception, null);
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("urn:lumbung:problem:database-unavailable", problem.type());
        assertTrue(problem.detail().contains("Idempotency-Key"), problem.detail());
    }

    @ParameterizedTest
    @MethodSource("bugs")
    void theMapperStillAnswers500ForBugs(Throwable failure) {
        ProblemMappers mappers = new ProblemMappers(new ProblemResponses(new SimpleMeterRegistry()));
        Exception exception = failure instanceof Exception e ? e : new RuntimeException(failure);
        assertEquals(500, mappers.unexpected(exception, null).getStatus());
    }

    /**
     * The real pool, exhausted: what the service's Agroal says when every connection stays busy past the
     * acquisition timeout. Its wording is all there is to go by (no SQL state), so this pins it to the
     * library version in use rather than to a copy of the message.
     */
    @Test
    void anExhaustedRealPoolIsRecognised() throws Exception {
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofSeconds(2))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(TestDatabase.url("postgres"))
                                .principal(new NamePrincipal(TestDatabase.user()))
                                .credential(new SimplePassword(TestDatabase.password()))));
        try (AgroalDataSource pool = AgroalDataSource.from(configuration);
                Connection busy = pool.getConnection()) {
            assertTrue(busy.isValid(2));
            SQLException exhausted = assertThrows(SQLException.class, pool::getConnection);
            assertTrue(DatabaseFaults.unavailable(exhausted), exhausted.getMessage());
            assertTrue(DatabaseFaults.unavailable(new IllegalStateException("idempotency store failed", exhausted)));
        }
    }
}
