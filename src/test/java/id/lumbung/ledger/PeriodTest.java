package id.lumbung.ledger;

import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Closing the books through a date, and what can still be posted afterwards. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PeriodTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    @Test
    void closesThroughAPastDateAndShowsTheHistory() {
        UUID led = Api.createLed();
        as(Tokens.auditor(led)).get(periods(led)).then().statusCode(200)
                .body("closedThrough", nullValue()).body("closes", hasSize(0));

        close(led, day(-10)).then().statusCode(201)
                .header("Location", endsWith("/api/v1/leds/" + led + "/periods"))
                .body("through", equalTo(day(-10)))
                .body("closedBy", equalTo("manager.siti"))
                .body("closedAt", notNullValue());
        close(led, day(-5)).then().statusCode(201);

        as(Tokens.auditor(led)).get(periods(led)).then().statusCode(200)
                .body("closedThrough", equalTo(day(-5)))
                .body("closes.through", equalTo(java.util.List.of(day(-10), day(-5))))
                .body("closes.closedBy", equalTo(java.util.List.of("manager.siti", "manager.siti")));
    }

    @Test
    void eachCloseRecordsTheChainHeadAtClosing() {
        UUID led = Api.createLed();
        close(led, day(-20)).then().statusCode(201).body("chainHead.number", equalTo(0))
                .body("chainHead.hash", equalTo("0".repeat(64)));
        Api.post(led, day(-3), "5-1100", "3-1900", "1000.00");
        UUID second = Api.post(led, day(-2), "5-1100", "3-1900", "2000.00");
        String hash = as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + second)
                .then().statusCode(200).extract().path("hash");
        close(led, day(-1)).then().statusCode(201).body("chainHead.number", equalTo(2))
                .body("chainHead.hash", equalTo(hash));
        // An entry posted after the close does not move the head the close recorded.
        Api.post(led, day(0), "5-1100", "3-1900", "500.00");
        as(Tokens.auditor(led)).get(periods(led)).then().statusCode(200)
                .body("closes.chainHead.number", equalTo(java.util.List.of(0, 2)))
                .body("closes[1].chainHead.hash", equalTo(hash));
    }

    @Test
    void refusesEntriesOnOrBeforeTheCloseAndAcceptsThemAfter() {
        UUID led = Api.createLed();
        close(led, day(-5)).then().statusCode(201);
        for (String date : new String[] {day(-5), day(-6), day(-40)}) {
            assertProblem(rejected(() -> postEntry(led, date)), 409, "period-closed");
        }
        postEntry(led, day(-4)).then().statusCode(201).body("effectiveDate", equalTo(day(-4)));
    }

    @Test
    void reversesAnEntryOfAClosedPeriodTodayButNotInsideIt() {
        UUID led = Api.createLed();
        UUID entry = Api.post(led, day(-7), "1-1100", "3-1200", "250000.00");
        close(led, day(-5)).then().statusCode(201);

        assertProblem(rejected(() -> reverse(led, entry, day(-6))), 409, "period-closed");
        assertProblem(rejected(() -> reverse(led, entry, day(-5))), 409, "period-closed");
        reverse(led, entry, null).then().statusCode(201)
                .body("effectiveDate", equalTo(TODAY.toString()))
                .body("reverses", equalTo(entry.toString()));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then()
                .body("balance", equalTo("0.00"));
    }

    @Test
    void refusesToCloseAtOrBeforeTheCurrentClose() {
        UUID led = Api.createLed();
        close(led, day(-5)).then().statusCode(201);
        assertProblem(rejected(() -> close(led, day(-5))), 409, "period-already-closed");
        assertProblem(rejected(() -> close(led, day(-6))), 409, "period-already-closed");
        as(Tokens.auditor(led)).get(periods(led)).then()
                .body("closedThrough", equalTo(day(-5))).body("closes", hasSize(1));
        close(led, day(0)).then().statusCode(201);
    }

    @Test
    void refusesToCloseAPeriodThatHasNotEnded() {
        UUID led = Api.createLed();
        assertProblem(rejected(() -> close(led, day(1))), 422, "period-in-future");
    }

    @Test
    void onlyTheManagerClosesPeriods() {
        UUID led = Api.createLed();
        assertProblem(rejected(() -> as(Tokens.clerk(led)).body(Map.of("through", day(-1)))
                .post(periods(led) + "/close")),
                403, "forbidden");
        assertProblem(rejected(() -> as(Tokens.auditor(led)).body(Map.of("through", day(-1)))
                .post(periods(led) + "/close")), 403, "forbidden");
        as(Tokens.clerk(led)).get(periods(led)).then().statusCode(200);
    }

    private static Response close(UUID led, String through) {
        return as(Tokens.manager(led)).body(Map.of("through", through)).post(periods(led) + "/close");
    }

    private static Response postEntry(UUID led, String date) {
        return as(Tokens.manager(led)).body(Api.entry(date, "1-1100", "3-1200", "100.00"))
                .post("/api/v1/leds/" + led + "/journal-entries");
    }

    private static Response reverse(UUID led, UUID entry, String date) {
        Map<String, Object> body = new HashMap<>(Map.of("reason", "Setoran ganda"));
        if (date != null) {
            body.put("effectiveDate", date);
        }
        return as(Tokens.manager(led)).body(body)
                .post("/api/v1/leds/" + led + "/journal-entries/" + entry + "/reversal");
    }

    private static String periods(UUID led) {
        return "/api/v1/leds/" + led + "/periods";
    }

    private static String day(int offset) {
        return TODAY.plusDays(offset).toString();
    }
}
