package id.lumbung.opening;

import static id.lumbung.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class OpeningBalanceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    private static final String AS_OF = TODAY.minusDays(30).toString();

    private static final String GOOD_CSV = """
            account,debit,credit
            1-1100,12500000.00,
            1-1200,175000000.00,
            1-1400,350000000.00,
            3-1100,,500000000.00
            3-1200,0,25000000.00
            3-1900,,12500000.00
            """;

    private static Map<String, Object> debit(String account, String amount) {
        return Map.of("account", account, "debit", amount);
    }

    private static Map<String, Object> credit(String account, String amount) {
        return Map.of("account", account, "credit", amount);
    }

    private static Map<String, Object> json(String date, List<Map<String, Object>> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveDate", date);
        body.put("lines", lines);
        return body;
    }

    private static RequestSpecification csv(String token) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").accept(ContentType.JSON);
    }

    private static String path(UUID led) {
        return "/api/v1/leds/" + led + "/opening-balances";
    }

    private static long writes() {
        return Db.writes() + Db.number("SELECT count(*) FROM opening_balance");
    }

    @Test
    void postsJsonOpeningBalancesAsTheFirstEntry() {
        UUID led = Api.createLed();
        Map<String, Object> body = json(AS_OF, List.of(debit("1-1100", "12500000"), debit("1-1200", "350000000.00"),
                credit("3-1100", "300000000"), credit("3-1900", "62500000")));
        body.put("description", "Saldo awal dari buku kas manual 2025");
        Response response = as(Tokens.manager(led)).body(body).post(path(led));
        String entryId = response.path("entryId");
        response.then().statusCode(201)
                .header("Location", endsWith(path(led)))
                .body("effectiveDate", equalTo(AS_OF))
                .body("lines", equalTo(4))
                .body("total", equalTo("362500000.00"))
                .body("recordedBy", equalTo("manager.siti"));

        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + entryId).then().statusCode(200)
                .body("number", equalTo(1))
                .body("kind", equalTo("OPENING_BALANCE"))
                .body("effectiveDate", equalTo(AS_OF))
                .body("description", equalTo("Saldo awal dari buku kas manual 2025"))
                .body("reference.type", equalTo("OPENING_BALANCE"))
                .body("reference.id", equalTo(response.path("id")))
                .body("postings.account", equalTo(List.of("1-1100", "1-1200", "3-1100", "3-1900")))
                .body("postings.side", equalTo(List.of("DEBIT", "DEBIT", "CREDIT", "CREDIT")))
                .body("postings.amount",
                        equalTo(List.of("12500000.00", "350000000.00", "300000000.00", "62500000.00")));
        as(Tokens.auditor(led)).get(path(led)).then().statusCode(200)
                .body("id", equalTo(response.path("id"))).body("entryId", equalTo(entryId));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1200").then()
                .body("balance", equalTo("350000000.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/3-1900").then()
                .body("balance", equalTo("62500000.00"));
    }

    @Test
    void postsCsvFromASpreadsheetExport() {
        UUID led = Api.createLed();
        String export = "\uFEFFAccount,Debit,Credit\r\n\r\n1-1100,\"12500000.00\",\r\n 1-1200 , 175000000 ,0\r\n"
                + "1-1400,350000000,\r\n3-1100,,500000000\r\n3-1200,0,25000000\r\n\r\n3-1900,,12500000";
        Response response = csv(Tokens.manager(led)).queryParam("asOf", AS_OF).body(export).post(path(led));
        response.then().statusCode(201).body("lines", equalTo(6)).body("total", equalTo("537500000.00"))
                .body("effectiveDate", equalTo(AS_OF));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + response.path("entryId")).then()
                .body("kind", equalTo("OPENING_BALANCE"))
                .body("description", equalTo("Saldo awal per " + AS_OF))
                .body("postings", hasSize(6))
                .body("postings[1].account", equalTo("1-1200"))
                .body("postings[1].side", equalTo("DEBIT"))
                .body("postings[1].amount", equalTo("175000000.00"))
                .body("postings[4].account", equalTo("3-1200"))
                .body("postings[4].side", equalTo("CREDIT"))
                .body("postings[4].amount", equalTo("25000000.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then()
                .body("balance", equalTo("12500000.00"));
    }

    @Test
    void refusesUnbalancedOpeningBalancesNamingTheTotals() {
        UUID led = Api.createLed();
        long before = writes();
        as(Tokens.manager(led)).body(json(AS_OF, List.of(debit("1-1100", "100"), credit("3-1200", "90"))))
                .post(path(led)).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:entry-unbalanced"))
                .body("detail", containsString("debits 100.00 and credits 90.00 differ by 10.00"));
        csv(Tokens.manager(led)).queryParam("asOf", AS_OF).body("account,debit,credit\n1-1100,100,\n3-1200,,110\n")
                .post(path(led)).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:entry-unbalanced"))
                .body("detail", containsString("debits 100.00 and credits 110.00"));
        assertEquals(before, writes());
    }

    @Test
    void namesUnknownAccountsByTheirLine() {
        UUID led = Api.createLed();
        long before = writes();
        csv(Tokens.manager(led)).queryParam("asOf", AS_OF)
                .body("account,debit,credit\n1-1100,100,\n1-1999,50,\n3-1200,,100\n3-1999,,50\n")
                .post(path(led)).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:unknown-account"))
                .body("detail", containsString("1-1999 (line 3), 3-1999 (line 5)"))
                .body("fields.field", equalTo(List.of("line 3.account", "line 5.account")));
        as(Tokens.manager(led)).body(json(AS_OF, List.of(debit("1-1100", "100"), credit("3-1999", "100"))))
                .post(path(led)).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:unknown-account"))
                .body("fields.field", equalTo(List.of("lines[1].account")));
        assertEquals(before, writes());
    }

    @Test
    void listsEveryBadCsvLineWithItsNumber() {
        UUID led = Api.createLed();
        long before = writes();
        String bad = """
                account,debit,credit
                1-1100,satu juta,
                1-1200,100,100
                1-1300,,
                3-1100,100
                3-1200,-5,
                kas,10,
                3-1900,,5
                3-1900,,100
                """;
        csv(Tokens.manager(led)).queryParam("asOf", AS_OF).body(bad).post(path(led)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:validation-failed"))
                .body("fields.field", equalTo(List.of("line 2.debit", "line 3", "line 4", "line 5", "line 6.debit",
                        "line 7.account", "line 9.account")));
        csv(Tokens.manager(led)).queryParam("asOf", AS_OF).body("kode,debet,kredit\n1-1100,1,\n3-1200,,1\n")
                .post(path(led)).then().statusCode(400)
                .body("fields.field", equalTo(List.of("line 1")))
                .body("detail", containsString("account,debit,credit"));
        csv(Tokens.manager(led)).queryParam("asOf", AS_OF).body("").post(path(led)).then().statusCode(400);
        csv(Tokens.manager(led)).queryParam("asOf", AS_OF).body("account,debit,credit\n1-1100,\"1,\n")
                .post(path(led)).then().statusCode(400).body("fields[0].field", equalTo("csv"));
        csv(Tokens.manager(led)).body(GOOD_CSV).post(path(led)).then().statusCode(400)
                .body("type", equalTo("urn:lumbung:problem:invalid-parameter"))
                .body("fields[0].field", equalTo("asOf"));
        as(Tokens.manager(led)).body(json(AS_OF, List.of(
                Map.of("account", "1-1100", "debit", "5", "credit", "5"), credit("3-1200", "5"))))
                .post(path(led)).then().statusCode(400).body("fields.field", equalTo(List.of("lines[0]")));
        as(Tokens.manager(led)).body(json(AS_OF, List.of(debit("1-1100", "5")))).post(path(led)).then()
                .statusCode(400).body("fields[0].field", equalTo("lines"));
        given().auth().oauth2(Tokens.manager(led)).contentType("text/plain").body(GOOD_CSV).post(path(led)).then()
                .statusCode(415);
        assertEquals(before, writes());
    }

    @Test
    void refusesOnceTheLedgerHasEntries() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("source", "APBD Kabupaten Kampar 2026", "decreeNumber", "SK 412/2026",
                "amount", "500000000", "receivedOn", TODAY.toString()))
                .post("/api/v1/leds/" + led + "/grants").then().statusCode(201);
        long before = writes();
        csv(Tokens.manager(led)).queryParam("asOf", AS_OF).body(GOOD_CSV).post(path(led)).then().statusCode(409)
                .body("type", equalTo("urn:lumbung:problem:ledger-not-empty"))
                .body("detail", containsString("already has 1 entry"));
        assertEquals(before, writes());

        UUID fresh = Api.createLed();
        csv(Tokens.manager(fresh)).queryParam("asOf", AS_OF).body(GOOD_CSV).post(path(fresh)).then().statusCode(201);
        long after = writes();
        csv(Tokens.manager(fresh)).queryParam("asOf", AS_OF).body(GOOD_CSV).post(path(fresh)).then().statusCode(409)
                .body("type", equalTo("urn:lumbung:problem:ledger-not-empty"));
        assertEquals(after, writes());
    }

    @Test
    void onlyOneOfConcurrentOpeningBalancesIsPosted() throws Exception {
        UUID led = Api.createLed();
        String token = Tokens.manager(led);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return csv(token).queryParam("asOf", AS_OF).body(GOOD_CSV).post(path(led)).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led));
        assertEquals(1, Db.number("SELECT count(*) FROM opening_balance WHERE led_id = ?", led));
    }

    @Test
    void onlyTheManagerPostsOpeningBalances() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        String neighbour = Tokens.manager(Api.createLed(district));
        long before = writes();
        csv(Tokens.clerk(led)).queryParam("asOf", AS_OF).body(GOOD_CSV).post(path(led)).then().statusCode(403);
        csv(Tokens.districtOfficer(district)).queryParam("asOf", AS_OF).body(GOOD_CSV).post(path(led)).then()
                .statusCode(403);
        csv(Tokens.auditor(led)).queryParam("asOf", AS_OF).body(GOOD_CSV).post(path(led)).then().statusCode(403);
        csv(neighbour).queryParam("asOf", AS_OF).body(GOOD_CSV).post(path(led)).then().statusCode(404);
        assertEquals(before, writes());
        as(Tokens.auditor(led)).get(path(led)).then().statusCode(404);
    }

    @Test
    void refusesFutureDatesAndClosedPeriods() {
        UUID led = Api.createLed();
        long before = writes();
        csv(Tokens.manager(led)).queryParam("asOf", TODAY.plusDays(1).toString()).body(GOOD_CSV).post(path(led))
                .then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:effective-date-in-future"))
                .body("fields[0].field", equalTo("asOf"));
        as(Tokens.manager(led)).body(json(TODAY.plusDays(1).toString(),
                List.of(debit("1-1100", "1"), credit("3-1900", "1")))).post(path(led)).then().statusCode(422)
                .body("fields[0].field", equalTo("effectiveDate"));
        assertEquals(before, writes());
        as(Tokens.manager(led)).body(Map.of("through", TODAY.minusDays(1).toString()))
                .post("/api/v1/leds/" + led + "/periods/close").then().statusCode(201);
        long closed = writes();
        csv(Tokens.manager(led)).queryParam("asOf", AS_OF).body(GOOD_CSV).post(path(led)).then().statusCode(409)
                .body("type", equalTo("urn:lumbung:problem:period-closed"));
        assertEquals(closed, writes());
    }

    @Test
    void replaysSameIdempotencyKeyWithOneEntry() {
        UUID led = Api.createLed();
        Response first = csv(Tokens.manager(led)).header("Idempotency-Key", "saldo-awal-2025")
                .queryParam("asOf", AS_OF).body(GOOD_CSV).post(path(led));
        first.then().statusCode(201);
        csv(Tokens.manager(led)).header("Idempotency-Key", "saldo-awal-2025").queryParam("asOf", AS_OF)
                .body(GOOD_CSV).post(path(led)).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id"))).body("entryId", equalTo(first.path("entryId")));
        csv(Tokens.manager(led)).header("Idempotency-Key", "saldo-awal-2025").queryParam("asOf", AS_OF)
                .body(GOOD_CSV.replace("12500000.00", "12500001.00")).post(path(led)).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:idempotency-key-reused"));
        csv(Tokens.manager(led)).header("Idempotency-Key", "saldo-awal-2025").queryParam("asOf", TODAY.toString())
                .body(GOOD_CSV).post(path(led)).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:idempotency-key-reused"));
        Map<String, Object> body = json(AS_OF, List.of(debit("1-1100", "1"), credit("3-1900", "1")));
        Response jsonFirst = as(Tokens.manager(led)).header("Idempotency-Key", "saldo-awal-json").body(body)
                .post(path(led));
        jsonFirst.then().statusCode(409);
        assertEquals(1, Db.number("SELECT count(*) FROM opening_balance WHERE led_id = ?", led));
        assertEquals(1, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led));
    }
}
