package id.lumbung.platform.database;

import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.Http;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The database going away and coming back, done to the real PostgreSQL: the service's sessions are
 * ended the way a restart or failover ends them ({@code pg_terminate_backend}), and new ones are
 * refused ({@code CONNECTION LIMIT 0}, as the test database's owner may do to its own database).
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class DatabaseOutageTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();

    @Test
    void thePoolHealsAfterItsConnectionsAreKilled() throws Exception {
        UUID led = Api.createLed();
        String manager = Tokens.manager(led);
        warmPool(led, manager);

        try (Connection admin = Db.connect()) {
            assertTrue(terminateServiceSessions(admin) > 0, "the service held no pooled connection to kill");
        }

        // Every pooled connection is dead now; validation on borrow replaces them before use.
        for (int i = 0; i < 12; i++) {
            as(manager).get("/api/v1/leds/" + led + "/accounts").then().statusCode(200);
        }
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", "COMMUNITY_EQUITY", "amount", "150000", "receivedOn", TODAY))
                .post("/api/v1/leds/" + led + "/contributions").then().statusCode(201);
        as(manager).body(Api.entry(TODAY, "1-1100", "3-1200", "1000.00"))
                .post("/api/v1/leds/" + led + "/journal-entries").then().statusCode(201);
    }

    @Test
    void anUnreachableDatabaseAnswers503AndReadinessFollowsIt() throws Exception {
        UUID led = Api.createLed();
        String manager = Tokens.manager(led);
        warmPool(led, manager);
        String key = UUID.randomUUID().toString();
        Map<String, String> contribution = Map.of("type", "COMMUNITY_EQUITY", "amount", "275000",
                "receivedOn", TODAY, "description", "Swadaya warga Dusun III");
        long writesBefore = Db.writes();

        try (Connection admin = Db.connect()) {
            String database = admin.getCatalog();
            try {
                execute(admin, "ALTER DATABASE " + database + " CONNECTION LIMIT 0");
                terminateServiceSessions(admin);

                Response read = as(manager).get("/api/v1/leds/" + led + "/accounts");
                assertProblem(read, 503, "database-unavailable").header("Retry-After", equalTo("5"));
                Response write = as(manager).header("Idempotency-Key", key).body(contribution)
                        .post("/api/v1/leds/" + led + "/contributions");
                assertProblem(write, 503, "database-unavailable").header("Retry-After", equalTo("5"));
                assertTrue(write.path("detail").toString().contains("Idempotency-Key"));
                // An adjustment goes through the group commit, whose failure must surface the same way.
                Response adjustment = as(manager).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Api.entry(TODAY, "1-1100", "3-1200", "700.00"))
                        .post("/api/v1/leds/" + led + "/journal-entries");
                assertProblem(adjustment, 503, "database-unavailable").header("Retry-After", equalTo("5"));

                given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
                given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            } finally {
                execute(admin, "ALTER DATABASE " + database + " CONNECTION LIMIT -1");
            }
        }

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        assertEquals(writesBefore, Db.writes(), "a request refused with 503 wrote rows");
        // The client's retry with its key is the one that posts; a second retry replays it.
        String id = as(manager).header("Idempotency-Key", key).body(contribution)
                .post("/api/v1/leds/" + led + "/contributions").then().statusCode(201).extract().path("id");
        as(manager).header("Idempotency-Key", key).body(contribution)
                .post("/api/v1/leds/" + led + "/contributions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?::uuid"
                + " AND kind = 'CONTRIBUTION'", led.toString()));
    }

    /** Fills the pool with several connections by sending requests at once. */
    private static void warmPool(UUID led, String token) {
        List<CompletableFuture<Http.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(Http.postAsync(token, "/api/v1/leds/" + led + "/journal-entries",
                    Api.entry(TODAY, "1-1100", "3-1200", "500.00"), Map.of()));
        }
        answers.forEach(answer -> assertEquals(201, answer.join().status(), () -> answer.join().toString()));
    }

    /** Ends every other session on the test database, as a restart would; returns how many. */
    private static int terminateServiceSessions(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
