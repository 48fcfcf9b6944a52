package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import id.lumbung.support.Village;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A statement reflects exactly the entries up to the chain head it prints, while other threads post:
 * after the opening entry every entry moves 1,000.00 from Kas to Beban Operasional, so the expense
 * line must be (head − 1) × 1,000.00 in every statement read, never one entry more or less.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class StatementSnapshotTest {

    @Test
    void everyFigureIsExactlyThatOfTheEntriesUpToTheHead() throws Exception {
        UUID led = Api.createLed();
        String base = "/api/v1/leds/" + led;
        as(Tokens.manager(led)).body(Map.of("effectiveDate", Village.day(-30), "description", "Saldo awal",
                "lines", List.of(Map.of("account", "1-1100", "debit", "100000000.00"),
                        Map.of("account", "3-1200", "credit", "100000000.00"))))
                .post(base + "/opening-balances").then().statusCode(201);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService posters = Executors.newFixedThreadPool(3);
        List<Future<Integer>> posted = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            posted.add(posters.submit(() -> {
                int count = 0;
                while (!stop.get() && count < 200) {
                    as(Tokens.manager(led)).body(Api.entry(Village.day(-1), "5-1100", "1-1100", "1000.00"))
                            .post(base + "/journal-entries").then().statusCode(201);
                    count++;
                }
                return count;
            }));
        }
        int moving = 0;
        try {
            for (int read = 0; read < 40; read++) {
                Response tb = as(Tokens.auditor(led)).get(base + "/statements/trial-balance");
                tb.then().statusCode(200);
                long head = tb.<Number>path("chainHead.number").longValue();
                if (head > 1) {
                    moving++;
                }
                List<Map<String, String>> lines = tb.path("lines");
                Map<String, String> expense = lines.stream().filter(l -> l.get("account").equals("5-1100")).findFirst()
                        .orElseThrow();
                assertEquals(0, new BigDecimal(expense.get("debit")).compareTo(
                        BigDecimal.valueOf((head - 1) * 1000)), "expense at head " + head);
                assertEquals(tb.<String>path("totals.debit"), tb.<String>path("totals.credit"));
            }
        } finally {
            stop.set(true);
            posters.shutdown();
            assertTrue(posters.awaitTermination(60, TimeUnit.SECONDS));
        }
        int total = 0;
        for (Future<Integer> f : posted) {
            total += f.get();
        }
        assertTrue(total > 0 && moving > 0, "the statements were read while entries were being posted");
    }
}
