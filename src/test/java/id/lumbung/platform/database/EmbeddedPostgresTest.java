package id.lumbung.platform.database;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The server the tests chose (support/TestPostgres) is one the service can live on: PostgreSQL 15+, the service
 * role without superuser rights, commits synchronous, and the ledger posts on it. Under
 * {@code LUMBUNG_DB_MODE=embedded} (CI runs it so, as an unprivileged user, while 5432 answers) it must be the
 * embedded server, not the one that happens to answer; under {@code server}, never the embedded one.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class EmbeddedPostgresTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();

    @Test
    void runsOnTheServerTheModeAsksFor() {
        String mode = System.getProperty("lumbung.db.mode", System.getenv("LUMBUNG_DB_MODE"));
        // The application's own connection reaches the chosen server, not a default one.
        assertEquals(TestDatabase.port(), Db.text("SELECT inet_server_port()::text"));
        if ("embedded".equals(mode)) {
            assertEquals("embedded", TestDatabase.kind());
            assertNotEquals("5432", TestDatabase.port());
        } else if ("server".equals(mode)) {
            assertEquals("server", TestDatabase.kind());
        }
    }

    @Test
    void serverIsOneTheServiceCanLiveOn() {
        assertTrue(Db.number("SELECT current_setting('server_version_num')::int") >= 150000,
                () -> "PostgreSQL 15+ needed, got " + Db.text("SELECT version()"));
        assertEquals("false", Db.text("SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"));
        assertEquals("true", Db.text("SELECT rolcreatedb::text FROM pg_roles WHERE rolname = current_user"));
        assertEquals("on", Db.text("SELECT current_setting('synchronous_commit')"));
        assertEquals("UTF8", Db.text("SELECT pg_encoding_to_char(encoding) FROM pg_database"
                + " WHERE datname = current_database()"));
    }

    @Test
    void postsAndBalancesAJournalEntry() {
        UUID led = Api.createLed();
        as(Tokens.manager(led))
                .body(Map.of("effectiveDate", TODAY, "description", "Setoran modal swadaya Desa Kuok",
                        "postings", List.of(
                                Map.of("account", "1-1100", "side", "DEBIT", "amount", "1250000.00"),
                                Map.of("account", "3-1200", "side", "CREDIT", "amount", "1250000.00"))))
                .post("/api/v1/leds/" + led + "/journal-entries")
                .then().statusCode(201).body("number", equalTo(1));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then().statusCode(200)
                .body("balance", equalTo("1250000.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("entries", equalTo(1));
    }
}
