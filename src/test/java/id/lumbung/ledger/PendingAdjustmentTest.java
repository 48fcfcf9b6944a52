package id.lumbung.ledger;

import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.restassured.response.Response;

/** Maker–checker for manual adjustments, and the control accounts no adjustment may name. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class PendingAdjustmentTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    private static String entries(UUID led) {
        return "/api/v1/leds/" + led + "/journal-entries";
    }

    private static UUID withThreshold(String threshold) {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("adjustmentApprovalThreshold", threshold))
                .put("/api/v1/leds/" + led + "/settings/lending").then().statusCode(200);
        return led;
    }

    private static long journal(UUID led) {
        return Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led);
    }

    @Test
    void anAdjustmentAboveTheThresholdWaitsForASecondManager() {
        UUID led = withThreshold("1000000");
        Api.post(led, TODAY.toString(), "1-1100", "3-1200", "500000.00"); // at or below: posted at once
        Response held = as(Tokens.manager(led)).header("Idempotency-Key", "koreksi-maret")
                .body(Api.entry(TODAY.toString(), "1-1100", "3-1200", "2000000.00")).post(entries(led));
        held.then().statusCode(202)
                .header("Location", endsWith(entries(led) + "/pending/" + held.path("id")))
                .body("status", equalTo("PENDING"))
                .body("total", equalTo("2000000.00"))
                .body("requestedBy", equalTo("manager.siti"))
                .body("postings", hasSize(2));
        assertEquals(1, journal(led));
        as(Tokens.manager(led)).header("Idempotency-Key", "koreksi-maret")
                .body(Api.entry(TODAY.toString(), "1-1100", "3-1200", "2000000.00")).post(entries(led)).then()
                .statusCode(202).header("Idempotent-Replayed", "true").body("id", equalTo(held.path("id")));
        as(Tokens.auditor(led)).get(entries(led) + "/pending").then().statusCode(200)
                .body("items.id", contains((String) held.path("id")));

        String pending = entries(led) + "/pending/" + held.path("id");
        assertProblem(rejected(() -> as(Tokens.manager(led)).body(Map.of()).post(pending + "/approval")), 403,
                "approver-is-maker");
        String ahmad = Tokens.of("led-manager", "manager.ahmad", List.of(), List.of(led));
        Response approved = as(ahmad).body(Map.of("note", "Dicek dengan nota")).post(pending + "/approval");
        approved.then().statusCode(201)
                .body("kind", equalTo("ADJUSTMENT"))
                .body("number", equalTo(2))
                .body("recordedBy", equalTo("manager.siti"))
                .body("postings.amount", contains("2000000.00", "2000000.00"));
        as(Tokens.auditor(led)).get(pending).then()
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("manager.ahmad"))
                .body("entryId", equalTo(approved.path("id")));
        assertProblem(as(ahmad).body(Map.of()).post(pending + "/approval"), 409, "adjustment-not-pending");
        as(Tokens.auditor(led)).get(entries(led) + "/pending").then().body("items", hasSize(0));
    }

    @Test
    void aRejectedAdjustmentIsNeverPostedAndAClosedPeriodRefusesTheApproval() {
        UUID led = withThreshold("0");
        as(Tokens.manager(led)).body(Api.entry(TODAY.minusDays(5).toString(), "1-1100", "3-1200", "0.01"))
                .post(entries(led)).then().statusCode(202); // held too: above 0
        assertEquals(0, journal(led));
        String first = as(Tokens.auditor(led)).get(entries(led) + "/pending").then().extract().path("items[0].id");
        String ahmad = Tokens.of("led-manager", "manager.ahmad", List.of(), List.of(led));
        assertProblem(as(ahmad).body(Map.of()).post(entries(led) + "/pending/" + first + "/rejection"), 400,
                "validation-failed", "note");
        as(ahmad).body(Map.of("note", "Bukti tidak ada")).post(entries(led) + "/pending/" + first + "/rejection")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("decisionNote",
                        equalTo("Bukti tidak ada"));
        assertEquals(0, journal(led));

        String second = as(Tokens.manager(led)).body(Api.entry(TODAY.minusDays(5).toString(), "1-1100", "3-1200",
                "100.00")).post(entries(led)).then().statusCode(202).extract().path("id");
        as(Tokens.manager(led)).body(Map.of("through", TODAY.minusDays(1).toString()))
                .post("/api/v1/leds/" + led + "/periods/close").then().statusCode(201);
        assertProblem(as(ahmad).body(Map.of()).post(entries(led) + "/pending/" + second + "/approval"), 409,
                "period-closed");
        as(Tokens.auditor(led)).get(entries(led) + "/pending/" + second).then().body("status", equalTo("PENDING"));
    }

    @Test
    void adjustmentsAndOpeningBalancesMayNotNameAControlAccount() {
        UUID led = Api.createLed();
        for (String control : List.of("1-1300", "1-1310", "2-1100")) {
            assertProblem(rejected(() -> as(Tokens.manager(led)).body(Api.entry(TODAY.toString(), "1-1100", control,
                    "1000.00")).post(entries(led))), 422, "control-account", "postings[1].account");
        }
        Map<String, Object> opening = Map.of("effectiveDate", TODAY.minusDays(30).toString(), "lines", List.of(
                Map.of("account", "1-1100", "debit", "1000000"), Map.of("account", "1-1300", "debit", "5000000"),
                Map.of("account", "3-1900", "credit", "6000000")));
        assertProblem(rejected(() -> as(Tokens.manager(led)).body(opening)
                .post("/api/v1/leds/" + led + "/opening-balances")), 422, "control-account", "lines[1].account");
    }
}
