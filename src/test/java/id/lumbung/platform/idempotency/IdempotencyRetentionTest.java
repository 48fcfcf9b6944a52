package id.lumbung.platform.idempotency;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Keys are kept for the retention period (default thirty days) and forgotten after it. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class IdempotencyRetentionTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();

    @Inject
    IdempotencyService idempotency;

    @Test
    void purgesOnlyKeysOlderThanTheRetention() {
        UUID led = Api.createLed();
        post(led, "old", "5.00").statusCode(201);
        post(led, "new", "6.00").statusCode(201);
        // Age one record past the thirty-day retention, as if it had been stored 31 days ago, and the
        // other to a week and a day (the old default), which must now be kept.
        Db.number("WITH aged AS (UPDATE idempotency_record SET created_at = now() - interval '31 days'"
                + " WHERE led_id = ? AND key = 'old' RETURNING 1) SELECT count(*) FROM aged", led);
        Db.number("WITH aged AS (UPDATE idempotency_record SET created_at = now() - interval '8 days'"
                + " WHERE led_id = ? AND key = 'new' RETURNING 1) SELECT count(*) FROM aged", led);

        idempotency.purgeExpired();

        assertEquals(0, Db.number("SELECT count(*) FROM idempotency_record WHERE led_id = ? AND key = 'old'", led));
        assertEquals(1, Db.number("SELECT count(*) FROM idempotency_record WHERE led_id = ? AND key = 'new'", led));
        // The recent key still replays; the forgotten one is a new request and posts a second entry.
        post(led, "new", "6.00").statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        post(led, "old", "5.00").statusCode(201);
        assertEquals(3, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led));
    }

    private static ValidatableResponse post(UUID led, String key, String amount) {
        return as(Tokens.manager(led)).header("Idempotency-Key", key)
                .body(Api.entry(TODAY, "1-1100", "3-1200", amount))
                .post("/api/v1/leds/" + led + "/journal-entries").then();
    }
}
