package id.lumbung.expense;

import static id.lumbung.support.Api.as;
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
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ExpenseTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    private static Map<String, Object> expense(String account, String amount, LocalDate paidOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("account", account);
        body.put("amount", amount);
        body.put("paidOn", paidOn.toString());
        body.put("description", "Cetak buku kas dan kuitansi");
        return body;
    }

    /** An LED whose cash box holds {@code cash} rupiah, put there by a community contribution. */
    private static UUID ledWithCash(String cash) {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("type", "COMMUNITY_EQUITY", "amount", cash,
                "receivedOn", TODAY.minusDays(10).toString()))
                .post("/api/v1/leds/" + led + "/contributions").then().statusCode(201);
        return led;
    }

    private static long writes() {
        return Db.writes() + Db.number("SELECT count(*) FROM expense");
    }

    @Test
    void recordsExpenseAndPostsOneExpenseEntryThatPointsBack() {
        UUID led = ledWithCash("1000000");
        Map<String, Object> body = expense("5-1100", "350000", TODAY.minusDays(1));
        body.put("payee", "Percetakan Sinar Kuok");
        Response response = as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/expenses");
        String id = response.path("id");
        String entryId = response.path("entryId");
        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/leds/" + led + "/expenses/" + id))
                .body("account", equalTo("5-1100"))
                .body("amount", equalTo("350000.00"))
                .body("paidOn", equalTo(TODAY.minusDays(1).toString()))
                .body("description", equalTo("Cetak buku kas dan kuitansi"))
                .body("payee", equalTo("Percetakan Sinar Kuok"))
                .body("paidFrom", equalTo("1-1100"))
                .body("recordedBy", equalTo("clerk.budi"));

        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + entryId).then().statusCode(200)
                .body("kind", equalTo("EXPENSE"))
                .body("effectiveDate", equalTo(TODAY.minusDays(1).toString()))
                .body("description", equalTo("Cetak buku kas dan kuitansi (Percetakan Sinar Kuok)"))
                .body("reference.type", equalTo("EXPENSE"))
                .body("reference.id", equalTo(id))
                .body("postings", hasSize(2))
                .body("postings[0].account", equalTo("5-1100"))
                .body("postings[0].side", equalTo("DEBIT"))
                .body("postings[0].amount", equalTo("350000.00"))
                .body("postings[1].account", equalTo("1-1100"))
                .body("postings[1].side", equalTo("CREDIT"))
                .body("postings[1].amount", equalTo("350000.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/expenses/" + id).then().statusCode(200)
                .body("entryId", equalTo(entryId));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then()
                .body("balance", equalTo("650000.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/5-1100").then()
                .body("balance", equalTo("350000.00"));

        // Reversed in the journal (a mistaken expense): the record says so, derived from the journal.
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/expenses/" + id).then()
                .body("reversedBy", org.hamcrest.Matchers.nullValue());
        String reversal = as(Tokens.manager(led)).body(Map.of("reason", "Nota ganda"))
                .post("/api/v1/leds/" + led + "/journal-entries/" + entryId + "/reversal")
                .then().statusCode(201).extract().path("id");
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/expenses/" + id).then()
                .body("reversedBy", equalTo(reversal));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/expenses").then()
                .body("items[0].reversedBy", equalTo(reversal));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/5-1100").then()
                .body("balance", equalTo("0.00"));
    }

    @Test
    void paysFromTheBankWhenAsked() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("source", "APBD Kabupaten Kampar 2026", "decreeNumber", "SK 412/2026",
                "amount", "5000000", "receivedOn", TODAY.toString()))
                .post("/api/v1/leds/" + led + "/grants").then().statusCode(201);
        Map<String, Object> body = expense("5-1300", "1200000", TODAY);
        body.put("paidFrom", "1-1200");
        String entryId = as(Tokens.manager(led)).body(body).post("/api/v1/leds/" + led + "/expenses")
                .then().statusCode(201).body("paidFrom", equalTo("1-1200")).extract().path("entryId");
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + entryId).then()
                .body("postings[0].account", equalTo("5-1300")).body("postings[1].account", equalTo("1-1200"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1200").then()
                .body("balance", equalTo("3800000.00"));
    }

    @Test
    void refusesAccountsThatAreNotExpensesOrNotMoney() {
        UUID led = ledWithCash("1000000");
        String path = "/api/v1/leds/" + led + "/expenses";
        long before = writes();
        for (String account : List.of("1-1300", "4-1100", "3-1200", "2-1100")) {
            as(Tokens.clerk(led)).body(expense(account, "1000", TODAY)).post(path).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:lumbung:problem:account-not-allowed"))
                    .body("fields[0].field", equalTo("account"));
        }
        as(Tokens.clerk(led)).body(expense("5-9999", "1000", TODAY)).post(path).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:unknown-account"))
                .body("fields[0].field", equalTo("account"));
        Map<String, Object> fromExpense = expense("5-1100", "1000", TODAY);
        fromExpense.put("paidFrom", "5-1900");
        as(Tokens.clerk(led)).body(fromExpense).post(path).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:account-not-allowed"))
                .body("fields[0].field", equalTo("paidFrom"));
        as(Tokens.clerk(led)).body(expense("beban", "1000", TODAY)).post(path).then().statusCode(400)
                .body("fields[0].field", equalTo("account"));
        assertEquals(before, writes());
    }

    @Test
    void refusesAnExpenseTheCashCannotCoverWritingNothing() {
        UUID led = ledWithCash("100000");
        long before = writes();
        as(Tokens.clerk(led)).body(expense("5-1100", "100000.01", TODAY)).post("/api/v1/leds/" + led + "/expenses")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:insufficient-funds"));
        assertEquals(before, writes());
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then()
                .body("balance", equalTo("100000.00"));
        as(Tokens.clerk(led)).body(expense("5-1100", "100000", TODAY)).post("/api/v1/leds/" + led + "/expenses")
                .then().statusCode(201);
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then()
                .body("balance", equalTo("0.00"));
    }

    @Test
    void concurrentExpensesNeverOverdrawTheCash() throws Exception {
        UUID led = ledWithCash("350000");
        String token = Tokens.clerk(led);
        int clerks = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clerks; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(token).body(expense("5-1100", "100000", TODAY))
                            .post("/api/v1/leds/" + led + "/expenses").statusCode();
                }));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                if (status == 201) {
                    created++;
                } else if (status == 409) {
                    refused++;
                }
            }
            assertEquals(3, created, "exactly the affordable number of expenses succeed");
            assertEquals(clerks - 3, refused, "the others are refused with 409");
        } finally {
            pool.shutdownNow();
        }
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then()
                .body("balance", equalTo("50000.00"));
        assertEquals(3, Db.number("SELECT count(*) FROM expense WHERE led_id = ?", led));
        assertEquals(4, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("entries", equalTo(4)).body("head.number", equalTo(4));
        assertEquals(0, Db.number("SELECT count(*) FROM expense x WHERE x.led_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM journal_entry e WHERE e.led_id = x.led_id AND e.id = x.entry_id "
                + "AND e.reference_id = x.id AND e.kind = 'EXPENSE')", led));
    }

    @Test
    void managerAndClerkRecordExpensesOthersCannot() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        String neighbour = Tokens.manager(Api.createLed(district));
        String path = "/api/v1/leds/" + led + "/expenses";
        long before = writes();
        as(Tokens.auditor(led)).body(expense("5-1100", "1000", TODAY)).post(path).then().statusCode(403);
        as(Tokens.trainer(led)).body(expense("5-1100", "1000", TODAY)).post(path).then().statusCode(403);
        as(Tokens.districtOfficer(district)).body(expense("5-1100", "1000", TODAY)).post(path).then()
                .statusCode(403);
        as(neighbour).body(expense("5-1100", "1000", TODAY)).post(path).then().statusCode(404);
        as(neighbour).get(path).then().statusCode(404);
        assertEquals(before, writes());
    }

    @Test
    void rejectsBadAmountsAndDatesWritingNothing() {
        UUID led = ledWithCash("1000000");
        String path = "/api/v1/leds/" + led + "/expenses";
        long before = writes();
        as(Tokens.clerk(led)).body(expense("5-1100", "0", TODAY)).post(path).then().statusCode(400)
                .body("type", equalTo("urn:lumbung:problem:validation-failed"))
                .body("fields[0].field", equalTo("amount"));
        as(Tokens.clerk(led)).body(expense("5-1100", "-25000", TODAY)).post(path).then().statusCode(400)
                .body("fields[0].field", equalTo("amount"));
        as(Tokens.clerk(led)).body(expense("5-1100", "satu juta", TODAY)).post(path).then().statusCode(400)
                .body("fields[0].field", equalTo("amount"));
        as(Tokens.clerk(led)).body(expense("5-1100", "1000", TODAY.plusDays(1))).post(path).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:effective-date-in-future"))
                .body("fields[0].field", equalTo("paidOn"));
        Map<String, Object> noDescription = expense("5-1100", "1000", TODAY);
        noDescription.remove("description");
        as(Tokens.clerk(led)).body(noDescription).post(path).then().statusCode(400)
                .body("fields[0].field", equalTo("description"));
        assertEquals(before, writes());

        as(Tokens.manager(led)).body(Map.of("through", TODAY.minusDays(1).toString()))
                .post("/api/v1/leds/" + led + "/periods/close").then().statusCode(201);
        long closed = writes();
        as(Tokens.clerk(led)).body(expense("5-1100", "1000", TODAY.minusDays(1))).post(path).then().statusCode(409)
                .body("type", equalTo("urn:lumbung:problem:period-closed"));
        assertEquals(closed, writes());
    }

    @Test
    void replaysSameIdempotencyKeyWithOneExpenseAndOneEntry() {
        UUID led = ledWithCash("1000000");
        String path = "/api/v1/leds/" + led + "/expenses";
        Response first = as(Tokens.clerk(led)).header("Idempotency-Key", "kuitansi-0042")
                .body(expense("5-1100", "250000", TODAY)).post(path);
        first.then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            as(Tokens.clerk(led)).header("Idempotency-Key", "kuitansi-0042").body(expense("5-1100", "250000", TODAY))
                    .post(path).then().statusCode(201).header("Idempotent-Replayed", "true")
                    .body("id", equalTo(first.path("id"))).body("entryId", equalTo(first.path("entryId")));
        }
        assertEquals(1, Db.number("SELECT count(*) FROM expense WHERE led_id = ?", led));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then()
                .body("balance", equalTo("750000.00"));
    }

    @Test
    void listsExpensesOfAnAccount() {
        UUID led = ledWithCash("1000000");
        String path = "/api/v1/leds/" + led + "/expenses";
        as(Tokens.clerk(led)).body(expense("5-1100", "1000", TODAY)).post(path).then().statusCode(201);
        as(Tokens.clerk(led)).body(expense("5-1300", "2000", TODAY)).post(path).then().statusCode(201);
        as(Tokens.clerk(led)).body(expense("5-1100", "3000", TODAY)).post(path).then().statusCode(201);
        as(Tokens.auditor(led)).queryParam("account", "5-1100").get(path).then().statusCode(200)
                .body("items.amount", equalTo(List.of("1000.00", "3000.00")));
        as(Tokens.auditor(led)).queryParam("limit", 1).get(path).then().body("items", hasSize(1))
                .body("items[0].amount", equalTo("1000.00"));
    }
}
