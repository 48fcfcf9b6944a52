package id.lumbung.ledger;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.Http;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The ledger invariants under concurrent load (DESIGN §2: balanced books, no-negative accounts,
 * gapless numbering, an intact chain, balances equal to their postings), and the promise that
 * one LED's writes never wait for another's.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ConcurrencyTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    private static final int THREADS = 12;
    private static final int LEDS = 3;
    private static final int ENTRIES = 600;
    private static final String CASH = AccountPurpose.CASH.defaultCode();
    /** Accounts without a no-negative constraint, so only cash can refuse an entry. */
    private static final List<String> OTHERS = List.of("1-1400", "2-1900", "3-1200", "3-1300", "4-1100", "5-1100");
    private static final String INSUFFICIENT_FUNDS = "urn:lumbung:problem:insufficient-funds";

    /** One posting as sent, amount in sen. */
    private record Line(String account, String side, long sen) {
    }

    /** A request and its answer. */
    private record Outcome(UUID led, List<Line> lines, Http.Answer answer) {
    }

    @Test
    void concurrentPostingsKeepEveryLedgerInvariant() throws Exception {
        List<UUID> leds = new ArrayList<>();
        for (int i = 0; i < LEDS; i++) {
            leds.add(Api.createLed());
        }
        List<Outcome> outcomes = postConcurrently(leds);

        List<Outcome> unexpected = outcomes.stream()
                .filter(o -> o.answer().status() != 201 && !(o.answer().status() == 409
                        && INSUFFICIENT_FUNDS.equals(o.answer().text("type"))))
                .toList();
        assertTrue(unexpected.isEmpty(), () -> unexpected.size() + " unexpected answers, e.g. " + unexpected.get(0));
        assertTrue(outcomes.stream().anyMatch(o -> o.answer().status() == 409),
                "some entries should have been refused for overdrawing cash");

        for (UUID led : leds) {
            List<Outcome> posted = outcomes.stream()
                    .filter(o -> o.led().equals(led) && o.answer().status() == 201).toList();
            assertLedgerConsistent(led, posted);
        }
    }

    @Test
    void writesToOneLedDoNotWaitForAnotherLedsJournalLock() throws Exception {
        UUID ledA = Api.createLed();
        UUID ledB = Api.createLed();
        CompletableFuture<Http.Answer> waiting;
        try (Connection holder = Db.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT last_number FROM journal_head WHERE led_id = ? FOR UPDATE")) {
                lock.setObject(1, ledA);
                lock.executeQuery().close();
            }
            waiting = Http.postAsync(Tokens.manager(ledA), entries(ledA), Api.entry(TODAY.toString(), CASH, "3-1200",
                    "100.00"), Map.of());
            awaitSessionWaitingForALock();

            Http.Answer other = Http.post(Tokens.manager(ledB), entries(ledB),
                    Api.entry(TODAY.toString(), CASH, "3-1200", "200.00"), Duration.ofSeconds(5));
            assertEquals(201, other.status(), other::toString);
            assertFalse(waiting.isDone(), "LED A's entry must wait for its journal head lock");
            holder.commit();
        }
        Http.Answer released = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(201, released.status(), released::toString);
        assertEquals(1, released.body().path("number").asInt());
    }

    // --- load

    private static List<Outcome> postConcurrently(List<UUID> leds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < ENTRIES; i++) {
                int task = i;
                futures.add(pool.submit(() -> post(leds.get(task % LEDS), task)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(3, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome post(UUID led, int task) {
        Random random = new Random(task * 7919L);
        List<Line> lines = randomBalancedLines(random, task);
        Map<String, Object> body = Map.of(
                "effectiveDate", TODAY.minusDays(random.nextInt(5)).toString(),
                "description", "Uji beban #" + task,
                "kind", "ADJUSTMENT",
                "postings", lines.stream().map(line -> Map.of("account", line.account(), "side", line.side(),
                        "amount", BigDecimal.valueOf(line.sen(), 2).toPlainString())).toList());
        // As the README tells clients: one key per operation, and a 503 (the pool found no connection
        // in time on a loaded machine) is retried with the same key, so it is posted once or not at all.
        Map<String, String> key = Map.of("Idempotency-Key", "concurrency-" + led + "-" + task);
        Http.Answer answer = null;
        for (int attempt = 0; attempt < 5 && (answer == null || answer.status() == 503); attempt++) {
            try {
                answer = Http.postAsync(Tokens.manager(led), entries(led), body, key).get(90, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("POST " + entries(led) + " did not answer within 90 s", e);
            }
        }
        return new Outcome(led, lines, answer);
    }

    /**
     * 2 to 4 postings over distinct accounts that balance; most entries move cash in or out, and
     * one per LED (mid-stream) takes out far more than all inflows together could have brought in.
     */
    private static List<Line> randomBalancedLines(Random random, int task) {
        int size = 2 + random.nextInt(3);
        int debits = 1 + random.nextInt(size - 1);
        boolean overdraw = task / LEDS == ENTRIES / LEDS / 2;
        long total = overdraw ? 1_000_000_000_00L : 4_00 + random.nextInt(2_000_000_00);
        List<String> accounts = new ArrayList<>(OTHERS);
        Collections.shuffle(accounts, random);
        double cash = random.nextDouble();
        if (overdraw || cash < 0.35) {
            accounts.set(debits, CASH); // the first credit: cash goes out
        } else if (cash < 0.80) {
            accounts.set(0, CASH); // the first debit: cash comes in
        }
        List<Line> lines = new ArrayList<>();
        List<Long> debitAmounts = split(random, total, debits);
        List<Long> creditAmounts = split(random, total, size - debits);
        for (int i = 0; i < size; i++) {
            boolean debit = i < debits;
            lines.add(new Line(accounts.get(i), debit ? "DEBIT" : "CREDIT",
                    debit ? debitAmounts.get(i) : creditAmounts.get(i - debits)));
        }
        return lines;
    }

    /** {@code total} split into {@code parts} positive amounts. */
    private static List<Long> split(Random random, long total, int parts) {
        TreeSet<Long> cuts = new TreeSet<>();
        while (cuts.size() < parts - 1) {
            cuts.add(1 + (long) (random.nextDouble() * (total - 1)));
        }
        List<Long> amounts = new ArrayList<>();
        long previous = 0;
        for (long cut : cuts) {
            amounts.add(cut - previous);
            previous = cut;
        }
        amounts.add(total - previous);
        return amounts;
    }

    // --- checks

    private static void assertLedgerConsistent(UUID led, List<Outcome> posted) throws SQLException {
        long n = posted.size();
        assertTrue(n > 0, "LED " + led + " posted nothing");

        // Gapless numbering 1..N, and exactly the entries that were answered 201.
        assertEquals(List.of(n, n, 1L, n), row("SELECT count(*), count(DISTINCT number), min(number), max(number)"
                + " FROM journal_entry WHERE led_id = ?", led));
        assertEquals(n, Db.number("SELECT last_number FROM journal_head WHERE led_id = ?", led));
        Set<String> answered = new HashSet<>();
        posted.forEach(o -> answered.add(o.answer().text("id")));
        assertEquals(answered, ids(led));

        // The books balance, balances are never negative where forbidden, and the running totals and
        // the per-day table agree with the postings.
        assertEquals(0, Db.number("""
                SELECT coalesce(sum(amount) FILTER (WHERE side = 'DEBIT'), 0)
                     - coalesce(sum(amount) FILTER (WHERE side = 'CREDIT'), 0)
                  FROM posting WHERE led_id = ?""", led));
        assertEquals(0, Db.number("""
                SELECT count(*) FROM account WHERE led_id = ? AND no_negative
                   AND CASE normal_side WHEN 'DEBIT' THEN debits_posted - credits_posted
                                        ELSE credits_posted - debits_posted END < 0""", led));
        assertEquals(0, Db.number("""
                SELECT count(*) FROM account a
                  LEFT JOIN (SELECT account_id,
                                    coalesce(sum(amount) FILTER (WHERE side = 'DEBIT'), 0) AS debits,
                                    coalesce(sum(amount) FILTER (WHERE side = 'CREDIT'), 0) AS credits
                               FROM posting WHERE led_id = ? GROUP BY account_id) p ON p.account_id = a.id
                 WHERE a.led_id = ?
                   AND (a.debits_posted <> coalesce(p.debits, 0) OR a.credits_posted <> coalesce(p.credits, 0))""",
                led, led), "accounts whose running totals differ from their postings");
        assertEquals(0, Db.number("""
                SELECT count(*) FROM
                  (SELECT account_id, effective_date AS day,
                          coalesce(sum(amount) FILTER (WHERE side = 'DEBIT'), 0) AS debits,
                          coalesce(sum(amount) FILTER (WHERE side = 'CREDIT'), 0) AS credits
                     FROM posting WHERE led_id = ? GROUP BY account_id, effective_date) p
                  FULL JOIN (SELECT account_id, day, debits, credits FROM account_daily_movement WHERE led_id = ?) m
                    USING (account_id, day)
                 WHERE p.debits IS DISTINCT FROM m.debits OR p.credits IS DISTINCT FROM m.credits""", led, led),
                "days whose movement differs from their postings");

        // The API reports the totals of exactly the accepted requests, and an intact chain of N entries.
        Map<String, long[]> expected = new HashMap<>();
        for (Outcome outcome : posted) {
            for (Line line : outcome.lines()) {
                expected.computeIfAbsent(line.account(), a -> new long[2])[line.side().equals("DEBIT") ? 0 : 1] +=
                        line.sen();
            }
        }
        List<Map<String, Object>> accounts = as(Tokens.auditor(led)).queryParam("limit", 500)
                .get("/api/v1/leds/" + led + "/accounts").then().statusCode(200).extract().path("items");
        for (Map<String, Object> account : accounts) {
            long[] totals = expected.getOrDefault((String) account.get("code"), new long[2]);
            assertEquals(BigDecimal.valueOf(totals[0], 2).toPlainString(), account.get("debitsPosted"),
                    () -> "debits of " + account.get("code"));
            assertEquals(BigDecimal.valueOf(totals[1], 2).toPlainString(), account.get("creditsPosted"),
                    () -> "credits of " + account.get("code"));
            if (Boolean.TRUE.equals(account.get("noNegative"))) {
                assertTrue(new BigDecimal((String) account.get("balance")).signum() >= 0, account::toString);
            }
        }
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal/verification").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", equalTo((int) n))
                .body("head.number", equalTo((int) n));
    }

    private static String entries(UUID led) {
        return "/api/v1/leds/" + led + "/journal-entries";
    }

    /** Waits until a database session of this test database waits for a lock (the blocked POST). */
    private static void awaitSessionWaitingForALock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Db.number("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock' AND query LIKE '%journal_head%'") == 0) {
            assertTrue(System.nanoTime() < deadline, "the POST to LED A never reached the journal head lock");
            Thread.sleep(50);
        }
    }

    private static List<Long> row(String sql, Object... args) throws SQLException {
        try (Connection connection = Db.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                List<Long> values = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getLong(i));
                }
                return values;
            }
        }
    }

    private static Set<String> ids(UUID led) throws SQLException {
        try (Connection connection = Db.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT id::text FROM journal_entry WHERE led_id = ?")) {
            statement.setObject(1, led);
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }
}
