package id.lumbung.batch;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.Lending;
import id.lumbung.support.Db;
import id.lumbung.support.Snapshot;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import id.lumbung.support.Http;
import id.lumbung.support.TestDatabase;

/**
 * Field sync (issue 13): a batch decides each operation exactly as its single endpoint decides it
 * alone with the same key. The strongest check is a twin: two LEDs set up alike, one sent the batch,
 * the other the same operations one by one; every result must match, and so must the books.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class BatchTest {

    private static final String TODAY = Lending.day(0);

    /** An LED with a member who saved, a disbursed loan and a disbursed KUB group loan. */
    record Books(UUID led, UUID saver, UUID loan, UUID group, UUID groupLoan) {

        String base() {
            return Lending.base(led);
        }
    }

    static Books books() {
        UUID led = Lending.funded();
        UUID saver = Lending.member(led, "Siti Rahmawati");
        as(Tokens.clerk(led)).body(Map.of("amount", "100000.00", "receivedOn", Lending.day(-30)))
                .post(Lending.base(led) + "/members/" + saver + "/savings/deposits").then().statusCode(201);
        UUID product = Lending.flatProduct(led);
        UUID loan = Lending.disbursed(led, Lending.member(led, "Dewi Lestari"), product, "3000000", Lending.day(-60));
        UUID leader = Lending.member(led, "Rina Wati");
        UUID group = UUID.fromString(as(Tokens.clerk(led)).body(Map.of("name", "KUB Mawar", "leaderMemberId",
                leader)).post(Lending.base(led) + "/groups").then().statusCode(201).extract().path("id"));
        Map<String, Object> second = new HashMap<>(Map.of("name", "Ani Susanti", "nik",
                "1406014507909998", "gender", "F",
                "birthDate", "1990-07-05", "groupId", group));
        UUID member = UUID.fromString(as(Tokens.clerk(led)).body(second).post(Lending.base(led) + "/members")
                .then().statusCode(201).extract().path("id"));
        UUID groupLoan = UUID.fromString(as(Tokens.clerk(led)).body(Map.of("productId", product, "shares",
                List.of(Map.of("memberId", leader, "principal", "3000000"), Map.of("memberId", member, "principal",
                        "2000000")), "purpose", "Modal usaha anyaman pandan")).post(Lending.base(led) + "/groups/"
                        + group + "/loans").then().statusCode(201).extract().path("id"));
        String groupPath = Lending.base(led) + "/groups/" + group + "/loans/" + groupLoan;
        as(Tokens.manager(led)).body(Map.of()).post(groupPath + "/approval").then().statusCode(200);
        as(Tokens.manager(led)).body(Map.of("disbursedOn", Lending.day(-60))).post(groupPath + "/disbursement")
                .then().statusCode(201);
        return new Books(led, saver, loan, group, groupLoan);
    }

    /** Every op kind, with refusals: above outstanding, an unknown loan, insufficient savings, bad fields. */
    static List<Map<String, Object>> mixed(Books books, String prefix, UUID unknownLoan) {
        List<Map<String, Object>> ops = new ArrayList<>();
        ops.add(op(prefix + "-1", "REPAYMENT", "loanId", books.loan, "amount", "345000", "paidOn", TODAY));
        ops.add(op(prefix + "-2", "REPAYMENT", "loanId", books.loan, "amount", "99999999", "paidOn", TODAY));
        ops.add(op(prefix + "-3", "REPAYMENT", "loanId", unknownLoan, "amount", "345000", "paidOn", TODAY));
        ops.add(op(prefix + "-4", "SAVINGS_DEPOSIT", "memberId", books.saver, "amount", "50000.00",
                "receivedOn", TODAY, "description", "Setoran simpanan wajib"));
        ops.add(op(prefix + "-5", "SAVINGS_WITHDRAWAL", "memberId", books.saver, "amount", "1000000.00",
                "paidOn", TODAY));
        ops.add(op(prefix + "-6", "SAVINGS_WITHDRAWAL", "memberId", books.saver, "amount", "20000.00",
                "paidOn", TODAY));
        ops.add(op(prefix + "-7", "CONTRIBUTION", "type", "COMMUNITY_EQUITY", "amount", 250000,
                "receivedOn", TODAY, "description", "Swadaya warga Dusun II"));
        ops.add(op(prefix + "-8", "EXPENSE", "account", "5-1100", "amount", "35000.00", "paidOn", TODAY,
                "description", "Fotokopi kuitansi"));
        ops.add(op(prefix + "-9", "GROUP_REPAYMENT", "groupId", books.group, "loanId", books.groupLoan,
                "amount", "690000", "paidOn", TODAY));
        ops.add(op(prefix + "-10", "EXPENSE", "account", "5-1100", "amount", "-5", "paidOn", TODAY,
                "description", "Negatif"));
        ops.add(op(prefix + "-11", "CONTRIBUTION", "type", "COMMUNITY_EQUITY", "amount", "1000", "receivedOn",
                TODAY, "surprise", 1));
        ops.add(op(prefix + "-12", "REPAYMENT", "loanId", books.loan, "amount", "1000", "paidOn", Lending.day(3)));
        return ops;
    }

    static Map<String, Object> op(String key, String kind, Object... fields) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("key", key);
        op.put("op", kind);
        for (int i = 0; i < fields.length; i += 2) {
            op.put((String) fields[i], fields[i + 1]);
        }
        return op;
    }

    static Response send(Books books, List<Map<String, Object>> ops) {
        return as(Tokens.clerk(books.led)).body(Map.of("deviceId", "hp-siti-01", "operations", ops))
                .post(books.base() + "/batches");
    }

    /** The operation sent alone to its single endpoint with its key: the answer to compare with. */
    static Response alone(Books books, Map<String, Object> op) {
        Map<String, Object> body = new LinkedHashMap<>(op);
        body.remove("key");
        String kind = (String) body.remove("op");
        String path = switch (kind) {
            case "REPAYMENT" -> "/loans/" + body.remove("loanId") + "/repayments";
            case "SAVINGS_DEPOSIT" -> "/members/" + body.remove("memberId") + "/savings/deposits";
            case "SAVINGS_WITHDRAWAL" -> "/members/" + body.remove("memberId") + "/savings/withdrawals";
            case "CONTRIBUTION" -> "/contributions";
            case "EXPENSE" -> "/expenses";
            case "GROUP_REPAYMENT" -> "/groups/" + body.remove("groupId") + "/loans/" + body.remove("loanId")
                    + "/repayments";
            default -> throw new IllegalArgumentException(kind);
        };
        return as(Tokens.clerk(books.led)).header("Idempotency-Key", op.get("key")).body(body)
                .post(books.base() + path);
    }

    /** A JSON text with its ids, times and this LED's own names made comparable across LEDs. */
    static String comparable(String json) {
        return json.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "<time>")
                .replaceAll("\"hash\":\"[0-9a-f]+\"", "\"hash\":\"<hash>\"");
    }

    @Test
    void mixedBatchGivesEachOperationTheResultItWouldGetAlone() {
        Books batched = books();
        Books twin = books();
        UUID unknown = UUID.randomUUID();
        List<Map<String, Object>> ops = mixed(batched, "mix", unknown);
        long entriesBefore = Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", batched.led);

        JsonPath answer = send(batched, ops).then().statusCode(200).extract().jsonPath();

        List<Map<String, Object>> results = answer.getList("results");
        assertEquals(ops.size(), results.size());
        List<Integer> statuses = answer.getList("results.status");
        assertEquals(List.of(201, 409, 404, 201, 409, 201, 201, 201, 201, 400, 400, 422), statuses);
        assertEquals("urn:lumbung:problem:repayment-exceeds-outstanding", answer.get("results[1].problem.type"));
        assertEquals("urn:lumbung:problem:not-found", answer.get("results[2].problem.type"));
        assertEquals("urn:lumbung:problem:insufficient-savings", answer.get("results[4].problem.type"));
        assertEquals("urn:lumbung:problem:validation-failed", answer.get("results[9].problem.type"));
        assertEquals("urn:lumbung:problem:unknown-field", answer.get("results[10].problem.type"));
        for (int i = 0; i < ops.size(); i++) {
            assertEquals(ops.get(i).get("key"), answer.get("results[" + i + "].key"));
            assertEquals(false, answer.get("results[" + i + "].replayed"));
        }
        assertEquals(entriesBefore + 6, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?",
                batched.led));

        // The twin gets the same operations one by one: each answer equals the batch's result.
        List<Map<String, Object>> twinOps = mixed(twin, "mix", unknown);
        for (int i = 0; i < twinOps.size(); i++) {
            Response single = alone(twin, twinOps.get(i));
            assertEquals(statuses.get(i), single.statusCode(), "operation " + (i + 1) + " alone");
            Map<String, Object> expected = new LinkedHashMap<>(single.jsonPath().getMap(""));
            // A problem alone names the request's path as its instance; inside a batch there is none.
            expected.remove("instance");
            Object result = statuses.get(i) == 201 ? answer.get("results[" + i + "].body")
                    : answer.get("results[" + i + "].problem");
            assertEquals(comparable(toJson(expected)), comparable(toJson(result)), "operation " + (i + 1));
        }
        assertBooksBalance(batched);
        for (String account : List.of("1-1100", "1-1300", "2-1100", "3-1200", "5-1100")) {
            assertEquals(Lending.balance(twin.led, account), Lending.balance(batched.led, account), account);
        }
    }

    @Test
    void resendingTheBatchReplaysEverythingAndWritesNothingTwice() {
        Books books = books();
        List<Map<String, Object>> ops = mixed(books, "again", UUID.randomUUID());
        JsonPath first = send(books, ops).then().statusCode(200).extract().jsonPath();
        long batches = count("field_batch");
        Snapshot before = Snapshot.take();

        JsonPath second = send(books, ops).then().statusCode(200).extract().jsonPath();

        // Only the second batch's own answer is new: no operation wrote anything again.
        assertEquals(List.of("field_batch: " + batches + " -> " + (batches + 1) + " rows"),
                before.changesTo(Snapshot.take()));
        for (int i = 0; i < ops.size(); i++) {
            String at = "results[" + i + "].";
            assertEquals((Object) first.get(at + "status"), second.get(at + "status"), "operation " + (i + 1));
            boolean succeeded = first.getInt(at + "status") == 201;
            // A success replays its original body; a refusal was not stored and is decided again.
            assertEquals(succeeded, second.getBoolean(at + "replayed"), "operation " + (i + 1));
            // (A refusal's detail may differ: it is decided against the books as they are now.)
            assertEquals(toJson(first.get(at + (succeeded ? "body" : "problem.type"))),
                    toJson(second.get(at + (succeeded ? "body" : "problem.type"))), "operation " + (i + 1));
        }
        // The first answer can be read again, as it was given.
        String id = first.getString("id");
        assertEquals(first.prettify(), as(Tokens.auditor(books.led)).get(books.base() + "/batches/" + id).then()
                .statusCode(200).extract().jsonPath().prettify());
        assertBooksBalance(books);
    }

    @Test
    void theBatchsOwnKeyReplaysTheWholeAnswer() {
        Books books = books();
        Map<String, Object> body = Map.of("operations", mixed(books, "own", UUID.randomUUID()));
        Response first = as(Tokens.clerk(books.led)).header("Idempotency-Key", "batch-own-1").body(body)
                .post(books.base() + "/batches");
        first.then().statusCode(200);
        assertNotNull(first.header("Location"));
        Snapshot before = Snapshot.take();

        Response again = as(Tokens.clerk(books.led)).header("Idempotency-Key", "batch-own-1").body(body)
                .post(books.base() + "/batches");

        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().prettify(), again.jsonPath().prettify());
        assertEquals(List.of(), before.changesTo(Snapshot.take()));
        // The same key with another batch is refused as reused.
        as(Tokens.clerk(books.led)).header("Idempotency-Key", "batch-own-1").body(Map.of("operations",
                List.of(op("own-x", "SAVINGS_DEPOSIT", "memberId", books.saver, "amount", "1", "receivedOn", TODAY))))
                .post(books.base() + "/batches").then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:idempotency-key-reused"));
    }

    @Test
    void keysAlreadyUsedAloneReplayAndKeysUsedInABatchReplayAlone() {
        Books books = books();
        List<Map<String, Object>> ops = mixed(books, "half", UUID.randomUUID());
        // Half of the successes were sent alone before the batch (say, on a moment of signal at noon).
        Map<Integer, String> aloneBodies = new HashMap<>();
        for (int i : List.of(0, 3, 6)) {
            Response single = alone(books, ops.get(i));
            single.then().statusCode(201);
            aloneBodies.put(i, JsonPath.from(single.asString()).prettify());
        }
        long entries = Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", books.led);

        JsonPath answer = send(books, ops).then().statusCode(200).extract().jsonPath();

        for (int i : List.of(0, 3, 6)) {
            assertEquals(201, answer.getInt("results[" + i + "].status"));
            assertTrue(answer.getBoolean("results[" + i + "].replayed"), "operation " + (i + 1));
            assertEquals(aloneBodies.get(i), JsonPath.from(toJson(answer.get("results[" + i + "].body"))).prettify());
        }
        for (int i : List.of(5, 7, 8)) {
            assertEquals(201, answer.getInt("results[" + i + "].status"));
            assertFalse(answer.getBoolean("results[" + i + "].replayed"), "operation " + (i + 1));
        }
        // Only the three new successes posted.
        assertEquals(entries + 3, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", books.led));

        // A key first used in the batch replays when the device later sends the operation alone.
        Response later = alone(books, ops.get(7));
        later.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertNotNull(later.header("Location"));
        assertEquals(JsonPath.from(toJson(answer.get("results[7].body"))).prettify(),
                JsonPath.from(later.asString()).prettify());
        // The same key alone with another body is refused as reused, as it would be between two singles.
        Map<String, Object> changed = new LinkedHashMap<>(ops.get(7));
        changed.put("amount", "36000.00");
        alone(books, changed).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:idempotency-key-reused"));
        JsonPath reused = send(books, List.of(changed)).then().statusCode(200).extract().jsonPath();
        assertEquals(422, reused.getInt("results[0].status"));
        assertEquals("urn:lumbung:problem:idempotency-key-reused", reused.get("results[0].problem.type"));
        assertEquals(entries + 3, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", books.led));
        assertBooksBalance(books);
    }

    /**
     * A keyed, non-atomic batch claims its key on one connection while each operation commits on another.
     * Twelve at once, more than the pool's eight connections: each holding its first while waiting for a
     * second deadlocked the pool (503 after the acquisition timeout); at most half the pool may now be
     * held that way ({@code SecondConnection}), so every batch is answered.
     */
    @Test
    void moreKeyedBatchesAtOnceThanThePoolHasConnectionsAreAllAnswered() {
        Books books = books();
        String clerk = Tokens.clerk(books.led);
        BigDecimal savingsBefore = Lending.balance(books.led, "2-1100");
        List<CompletableFuture<Http.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> batch = Map.of("deviceId", "hp-" + i, "operations", List.of(op("busy-" + i,
                    "SAVINGS_DEPOSIT", "memberId", books.saver, "amount", "1000.00", "receivedOn", TODAY)));
            answers.add(Http.postAsync(clerk, books.base() + "/batches", batch,
                    Map.of("Idempotency-Key", "busy-batch-" + i)));
        }
        answers.forEach(answer -> assertEquals(200, answer.join().status(), () -> answer.join().toString()));
        assertEquals(0, Lending.balance(books.led, "2-1100").compareTo(savingsBefore.add(new BigDecimal("12000"))));
    }

    @Test
    void twoDevicesSyncingOverlappingBatchesAtOnceRecordEachOperationOnce() throws Exception {
        Books books = books();
        List<UUID> savers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            savers.add(Lending.member(books.led, "Penabung " + i));
        }
        // Each device holds 30 deposits; the middle 10 are the same operations (same keys, same bodies).
        List<List<Map<String, Object>>> devices = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            Map<String, Object> deposit = op("overlap-" + i, "SAVINGS_DEPOSIT", "memberId", savers.get(i % 6),
                    "amount", (1000 + i) + ".00", "receivedOn", TODAY);
            if (i < 30) {
                devices.get(0).add(deposit);
            }
            if (i >= 20) {
                devices.get(1).add(deposit);
            }
        }
        BigDecimal savingsBefore = Lending.balance(books.led, "2-1100");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<JsonPath>> answers = new ArrayList<>();
            for (List<Map<String, Object>> device : devices) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return send(books, device).then().statusCode(200).extract().jsonPath();
                }, pool));
            }
            for (CompletableFuture<JsonPath> answer : answers) {
                List<Integer> statuses = answer.get(60, TimeUnit.SECONDS).getList("results.status");
                // An overlapping operation is posted by one device; the other replays it or finds it in flight.
                assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        // Each device re-sends its batch (as it would after a 409): everything is answered, nothing twice.
        for (List<Map<String, Object>> device : devices) {
            JsonPath again = send(books, device).then().statusCode(200).extract().jsonPath();
            assertTrue(again.<Integer>getList("results.status").stream().allMatch(s -> s == 201));
            assertTrue(again.<Boolean>getList("results.replayed").stream().allMatch(r -> r));
        }
        BigDecimal deposited = BigDecimal.ZERO;
        for (int i = 0; i < 50; i++) {
            deposited = deposited.add(new BigDecimal((1000 + i) + ".00"));
        }
        assertEquals(50, Db.number("SELECT count(*) FROM savings_movement WHERE led_id = ? AND amount BETWEEN 1000"
                + " AND 1049", books.led));
        assertEquals(savingsBefore.add(deposited), Lending.balance(books.led, "2-1100"));
        assertBooksBalance(books);
    }

    @Test
    void anAtomicBatchWritesNothingWhenOneOperationIsRefused() {
        Books books = books();
        List<Map<String, Object>> ops = List.of(
                op("atomic-1", "SAVINGS_DEPOSIT", "memberId", books.saver, "amount", "50000.00", "receivedOn", TODAY),
                op("atomic-2", "SAVINGS_WITHDRAWAL", "memberId", books.saver, "amount", "9000000.00",
                        "paidOn", TODAY),
                op("atomic-3", "EXPENSE", "account", "5-1100", "amount", "1000.00", "paidOn", TODAY,
                        "description", "Materai"));
        Snapshot before = Snapshot.take();

        Response refused = as(Tokens.clerk(books.led)).header("Idempotency-Key", "atomic-batch")
                .body(Map.of("atomic", true, "operations", ops)).post(books.base() + "/batches");

        refused.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:batch-refused"))
                .body("results.status", equalTo(List.of(424, 409, 424)))
                .body("results[1].problem.type", equalTo("urn:lumbung:problem:insufficient-savings"))
                .body("results[0].problem.type", equalTo("urn:lumbung:problem:operation-not-applied"));
        assertEquals(List.of(), before.changesTo(Snapshot.take()));

        // Corrected, the same batch (same keys: none was stored) goes through whole.
        List<Map<String, Object>> corrected = new ArrayList<>(ops);
        corrected.set(1, op("atomic-2", "SAVINGS_WITHDRAWAL", "memberId", books.saver, "amount", "90000.00",
                "paidOn", TODAY));
        as(Tokens.clerk(books.led)).body(Map.of("atomic", true, "operations", corrected))
                .post(books.base() + "/batches").then().statusCode(200)
                .body("results.status", equalTo(List.of(201, 201, 201)))
                .body("results.replayed", equalTo(List.of(false, false, false)));
        assertEquals(new BigDecimal("60000.00"), new BigDecimal(as(Tokens.clerk(books.led))
                .get(books.base() + "/members/" + books.saver + "/savings").then().statusCode(200).extract()
                .<String>path("balance")));
        assertBooksBalance(books);
    }

    @Test
    void atomicBatchesAndSingleRepaymentsOfTheSameLoansQueueInsteadOfDeadlocking() throws Exception {
        Books books = books();
        UUID second = Lending.disbursed(books.led, Lending.member(books.led, "Wati Susilo"),
                Lending.flatProduct(books.led), "3000000", Lending.day(-60));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<List<Integer>>> runs = new ArrayList<>();
            // Batches repay the first loan, then the second; singles the second, then the first.
            for (int device = 0; device < 2; device++) {
                int d = device;
                runs.add(CompletableFuture.supplyAsync(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        statuses.add(as(Tokens.clerk(books.led)).body(Map.of("atomic", true, "operations", List.of(
                                op("lock-" + d + "-" + i + "-a", "REPAYMENT", "loanId", books.loan, "amount", "1000",
                                        "paidOn", TODAY),
                                op("lock-" + d + "-" + i + "-b", "REPAYMENT", "loanId", second, "amount", "1000",
                                        "paidOn", TODAY)))).post(books.base() + "/batches").statusCode());
                    }
                    return statuses;
                }, pool));
            }
            runs.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    statuses.add(Lending.repay(books.led, i % 2 == 0 ? second : books.loan, "1000", TODAY)
                            .statusCode());
                }
                return statuses;
            }, pool));
            for (CompletableFuture<List<Integer>> run : runs) {
                List<Integer> statuses = run.get(120, TimeUnit.SECONDS);
                assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201), statuses::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2 * 8 * 2 + 16, Db.number("SELECT count(*) FROM loan_repayment WHERE led_id = ? AND amount = 1000",
                books.led));
        assertBooksBalance(books);
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        Books books = books();
        List<Map<String, Object>> ops = new ArrayList<>();
        for (int i = 0; i <= BatchRequest.MAX_OPERATIONS; i++) {
            ops.add(op("big-" + i, "SAVINGS_DEPOSIT", "memberId", books.saver, "amount", "1", "receivedOn", TODAY));
        }
        Snapshot before = Snapshot.take();
        send(books, ops).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:batch-too-large"));
        assertEquals(List.of(), before.changesTo(Snapshot.take()));
    }

    @Test
    void anotherLedsLoanIsThatOperationsNotFound() {
        Books ours = books();
        Books theirs = books();
        String theirLoan = Lending.loan(theirs.led, theirs.loan).asString();
        JsonPath answer = send(ours, List.of(
                op("other-1", "REPAYMENT", "loanId", theirs.loan, "amount", "345000", "paidOn", TODAY),
                op("other-2", "GROUP_REPAYMENT", "groupId", theirs.group, "loanId", theirs.groupLoan,
                        "amount", "690000", "paidOn", TODAY),
                op("other-3", "SAVINGS_DEPOSIT", "memberId", theirs.saver, "amount", "1000", "receivedOn", TODAY),
                op("other-4", "REPAYMENT", "loanId", ours.loan, "amount", "345000", "paidOn", TODAY)))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(404, 404, 404, 201), answer.getList("results.status"));
        assertEquals("urn:lumbung:problem:not-found", answer.get("results[0].problem.type"));
        assertEquals(theirLoan, Lending.loan(theirs.led, theirs.loan).asString());
    }

    @Test
    void aBatchWhoseOperationsHaveNoKindOrKeyIsRefusedWhole() {
        Books books = books();
        Snapshot before = Snapshot.take();
        as(Tokens.clerk(books.led)).body(Map.of("operations", List.of(
                Map.of("key", "shape-1", "op", "TRANSFER", "amount", "1000"),
                Map.of("op", "EXPENSE", "amount", "1000"))))
                .post(books.base() + "/batches").then().statusCode(400)
                .body("type", equalTo("urn:lumbung:problem:validation-failed"))
                .body("fields.field", equalTo(List.of("operations[0].op", "operations[1].key")));
        as(Tokens.auditor(books.led)).body(Map.of("operations", mixed(books, "audit", UUID.randomUUID())))
                .post(books.base() + "/batches").then().statusCode(403);
        as(Tokens.auditor(books.led)).get(books.base() + "/batches/" + UUID.randomUUID()).then().statusCode(404);
        List<String> changes = before.changesTo(Snapshot.take());
        // The auditor's 403 is in the LED's audit trail, as every 403 is; nothing else was written.
        assertEquals(List.of(), changes.stream().filter(c -> !c.startsWith("audit_")).toList());
    }

    private static long count(String table) {
        return Db.number("SELECT count(*) FROM " + table);
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 1-1300 = Σ outstanding, 2-1100 = Σ members' savings, the chain valid. */
    static void assertBooksBalance(Books books) {
        assertEquals(Lending.balance(books.led, "1-1300"), Lending.outstandingAsOf(books.led, TODAY));
        assertEquals(0, Lending.balance(books.led, "2-1100").compareTo(new BigDecimal(Db.text(
                "SELECT coalesce(sum(balance), 0)::text FROM member_savings WHERE led_id = ?", books.led))));
        as(Tokens.auditor(books.led)).get(books.base() + "/journal/verification").then().statusCode(200)
                .body("valid", equalTo(true));
    }
}
