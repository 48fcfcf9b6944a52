package id.lumbung.platform;

import static id.lumbung.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Metrics;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Health and Prometheus metrics (DESIGN §8) report what the service does. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ObservabilityTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();

    @Test
    void readinessIsUpAndChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void metricsCountPostingsGroupsReplaysAndRejections() {
        UUID led = Api.createLed();
        String path = "/api/v1/leds/" + led + "/journal-entries";
        Metrics before = Metrics.scrape();

        Map<String, Object> entry = Api.entry(TODAY, "1-1100", "3-1200", "1000.00");
        as(Tokens.manager(led)).header("Idempotency-Key", "obs-1").body(entry).post(path).then().statusCode(201);
        as(Tokens.manager(led)).header("Idempotency-Key", "obs-1").body(entry).post(path).then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        as(Tokens.manager(led)).body(Map.of("effectiveDate", TODAY, "description", "Tidak seimbang",
                "postings", java.util.List.of(
                        Map.of("account", "1-1100", "side", "DEBIT", "amount", "10.00"),
                        Map.of("account", "3-1200", "side", "CREDIT", "amount", "9.00"))))
                .post(path).then().statusCode(422);

        Metrics after = Metrics.scrape();
        assertEquals(1.0, after.value("ledger_entries_posted_total", "kind=\"ADJUSTMENT\"")
                - before.value("ledger_entries_posted_total", "kind=\"ADJUSTMENT\""), "entries posted");
        assertTrue(after.value("ledger_posting_latency_seconds_count")
                >= before.value("ledger_posting_latency_seconds_count") + 1, "posting latency samples");
        assertEquals(2.0, after.value("ledger_group_entries_sum")
                - before.value("ledger_group_entries_sum"), "both adjustments were handed to the group commit");
        assertEquals(1.0, after.value("lumbung_idempotency_replays_total")
                - before.value("lumbung_idempotency_replays_total"), "replays");
        assertEquals(1.0, after.value("lumbung_requests_rejected_total", "type=\"entry-unbalanced\"")
                - before.value("lumbung_requests_rejected_total", "type=\"entry-unbalanced\""), "rejections");
    }
}
