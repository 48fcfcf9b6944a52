package id.lumbung.platform.idempotency;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.lumbung.platform.security.Role;
import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.Http;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** DESIGN §2 invariant 7: a retried POST never counts twice. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class IdempotencyTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
    private static final String KEY = IdempotencyService.HEADER;
    private static final String REPLAYED = IdempotencyService.REPLAYED_HEADER;
    private static final String MANAGER = "manager.siti";

    @Test
    void replaysSameKeyAndBodyWithTheOriginalAnswer() {
        UUID led = Api.createLed();
        Map<String, Object> body = Api.entry(TODAY, "1-1100", "3-1200", "150000.00");
        Response original = assertReplayed(Tokens.manager(led), entries(led), body);
        original.then().body("number", equalTo(1));
        assertEquals(1, entryCount(led));
    }

    @Test
    void treatsAJsonNumberAndADecimalStringAsTheSameBody() {
        UUID led = Api.createLed();
        String key = newKey();
        Response original = as(Tokens.manager(led)).header(KEY, key).body(entry("1000.00"))
                .post(entries(led));
        original.then().statusCode(201);
        Response retry = as(Tokens.manager(led)).header(KEY, key).body(entry(1000)).post(entries(led));
        retry.then().statusCode(201).header(REPLAYED, "true").body("id", equalTo(original.path("id")));
        assertEquals(1, entryCount(led));
    }

    @Test
    void refusesTheSameKeyWithAnotherBodyAndWritesNothing() {
        UUID led = Api.createLed();
        String key = newKey();
        as(Tokens.manager(led)).header(KEY, key).body(entry("1000.00")).post(entries(led)).then().statusCode(201);
        long writes = Db.writes();
        as(Tokens.manager(led)).header(KEY, key).body(entry("1000.01")).post(entries(led)).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:idempotency-key-reused"));
        assertEquals(writes, Db.writes());
        assertEquals(1, entryCount(led));
    }

    @Test
    void keysOfDifferentCallersAreIndependent() {
        UUID led = Api.createLed();
        String key = newKey();
        String first = as(Tokens.manager(led)).header(KEY, key).body(entry("1000.00")).post(entries(led))
                .then().statusCode(201).extract().path("id");
        String otherManager = Tokens.of(Role.LED_MANAGER, "manager.ani", List.of(), List.of(led));
        String second = as(otherManager).header(KEY, key).body(entry("1000.00")).post(entries(led))
                .then().statusCode(201).header(REPLAYED, nullValue()).extract().path("id");
        assertNotEquals(first, second);
        assertEquals(2, entryCount(led));
    }

    @Test
    void concurrentRequestsWithOneKeyCreateExactlyOneEntry() throws Exception {
        UUID led = Api.createLed();
        String key = newKey();
        List<CompletableFuture<Http.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(Http.postAsync(Tokens.manager(led), entries(led), entry("2500.00"), Map.of(KEY, key)));
        }
        Set<String> ids = new HashSet<>();
        int originals = 0;
        for (CompletableFuture<Http.Answer> future : answers) {
            Http.Answer answer = future.get(60, TimeUnit.SECONDS);
            if (answer.status() == 201) {
                ids.add(answer.text("id"));
                originals += answer.header(REPLAYED) == null ? 1 : 0;
            } else {
                assertEquals(409, answer.status(), answer::toString);
                assertEquals("urn:lumbung:problem:idempotency-in-flight", answer.text("type"));
            }
        }
        assertEquals(1, originals, "exactly one request did the work");
        assertEquals(1, ids.size(), "every 201 names the same entry");
        assertEquals(1, entryCount(led));
    }

    @Test
    void answersInFlightWhileTheKeyIsHeldThenSucceeds() throws Exception {
        UUID led = Api.createLed();
        String key = newKey();
        long lock = IdempotencyService.lockId(led, MANAGER, key);
        try (Connection holder = Db.connect()) {
            advisory(holder, "SELECT pg_advisory_lock(?)", lock);
            Http.Answer busy = Http.postAsync(Tokens.manager(led), entries(led), entry("1000.00"), Map.of(KEY, key))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(409, busy.status(), busy::toString);
            assertEquals("urn:lumbung:problem:idempotency-in-flight", busy.text("type"));
            assertEquals(0, entryCount(led));
            advisory(holder, "SELECT pg_advisory_unlock(?)", lock);
        }
        as(Tokens.manager(led)).header(KEY, key).body(entry("1000.00")).post(entries(led)).then()
                .statusCode(201).header(REPLAYED, nullValue());
        assertEquals(1, entryCount(led));
    }

    @Test
    void withoutAKeyIdenticalPostsAreTwoEntries() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(entry("1000.00")).post(entries(led)).then().statusCode(201);
        as(Tokens.manager(led)).body(entry("1000.00")).post(entries(led)).then().statusCode(201)
                .header(REPLAYED, nullValue());
        assertEquals(2, entryCount(led));
    }

    @Test
    void refusesAnInvalidKey() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).header(KEY, "kunci dengan spasi").body(entry("1000.00")).post(entries(led)).then()
                .statusCode(400).body("type", equalTo("urn:lumbung:problem:invalid-idempotency-key"));
        assertEquals(0, entryCount(led));
    }

    @Test
    void replaysDistrictRegistration() {
        String code = newKey().substring(0, 8);
        assertReplayed(Tokens.admin(), "/api/v1/districts", Map.of("code", code, "name", "Kabupaten " + code));
    }

    @Test
    void replaysOpeningAnLed() {
        UUID district = Api.createDistrict();
        assertReplayed(Tokens.admin(), "/api/v1/leds",
                Map.of("districtId", district, "code", "1406012001", "name", "LED Desa Kuok", "village", "Kuok"));
    }

    @Test
    void replaysAddingAnAccount() {
        UUID led = Api.createLed();
        assertReplayed(Tokens.manager(led), "/api/v1/leds/" + led + "/accounts",
                Map.of("code", "5-1400", "name", "Beban Transportasi Lapangan", "type", "EXPENSE"));
    }

    @Test
    void replaysAReversal() {
        UUID led = Api.createLed();
        UUID original = Api.post(led, TODAY, "1-1100", "3-1200", "750000.00");
        assertReplayed(Tokens.manager(led), entries(led) + "/" + original + "/reversal",
                Map.of("reason", "Transfer ditolak bank"));
        assertEquals(2, entryCount(led));
    }

    @Test
    void replaysClosingAPeriod() {
        UUID led = Api.createLed();
        assertReplayed(Tokens.manager(led), "/api/v1/leds/" + led + "/periods/close",
                Map.of("through", LocalDate.parse(TODAY).minusDays(1).toString()));
    }

    // --- helpers

    /**
     * Sends the same POST twice with one key: the retry answers the original status, Location and
     * body, marked replayed, and writes nothing (without the key, each of these retries would be
     * refused as a duplicate or counted twice).
     */
    private static Response assertReplayed(String token, String path, Object body) {
        String key = newKey();
        Response original = as(token).header(KEY, key).body(body).post(path);
        original.then().statusCode(201).header(REPLAYED, nullValue());
        long writes = Db.writes();
        Response retry = as(token).header(KEY, key).body(body).post(path);
        retry.then().statusCode(201).header(REPLAYED, "true").contentType("application/json")
                .header("Location", equalTo(original.header("Location")));
        assertEquals(original.as(Map.class), retry.as(Map.class));
        assertEquals(writes, Db.writes());
        return original;
    }

    private static Map<String, Object> entry(Object amount) {
        return Map.of("effectiveDate", TODAY, "description", "Setoran angsuran KUB Mawar",
                "postings", List.of(
                        Map.of("account", "1-1100", "side", "DEBIT", "amount", amount),
                        Map.of("account", "1-1400", "side", "CREDIT", "amount", amount)));
    }

    private static String entries(UUID led) {
        return "/api/v1/leds/" + led + "/journal-entries";
    }

    private static long entryCount(UUID led) {
        return Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static void advisory(Connection connection, String sql, long lock) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, lock);
            statement.executeQuery().close();
        }
    }
}
