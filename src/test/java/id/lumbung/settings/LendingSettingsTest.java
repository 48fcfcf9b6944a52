package id.lumbung.settings;

import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The LED's lending settings: documented defaults, replacement by the manager, and its own calendar. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LendingSettingsTest {

    private static String settings(UUID led) {
        return "/api/v1/leds/" + led + "/settings/lending";
    }

    @Test
    void anLedStartsWithTheDocumentedDefaults() {
        UUID led = Api.createLed();
        for (String token : List.of(Tokens.trainer(led), Tokens.clerk(led), Tokens.auditor(led))) {
            as(token).get(settings(led)).then().statusCode(200)
                    .body("approvalThreshold", equalTo("0.00"))
                    .body("allocationOrder", equalTo("PENALTY_INTEREST_PRINCIPAL"))
                    .body("rounding.step", equalTo("1.00"))
                    .body("rounding.mode", equalTo("HALF_UP"))
                    .body("disbursementAccount", equalTo("1-1200"))
                    .body("collectionAccount", equalTo("1-1100"))
                    .body("timeZone", equalTo("Asia/Jakarta"))
                    .body("adjustmentApprovalThreshold", nullValue());
        }
        assertProblem(as(Tokens.manager(Api.createLed())).get(settings(led)), 404, "not-found");
    }

    @Test
    void theManagerReplacesThemAndLeftOutFieldsTakeTheirDefaults() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("approvalThreshold", "5000000", "allocationOrder",
                "INTEREST_PRINCIPAL_PENALTY", "rounding", Map.of("step", "500", "mode", "UP"),
                "collectionAccount", "1-1200", "timeZone", "Asia/Makassar", "adjustmentApprovalThreshold", 10000000))
                .put(settings(led)).then().statusCode(200)
                .body("approvalThreshold", equalTo("5000000.00"))
                .body("rounding.step", equalTo("500.00"))
                .body("rounding.mode", equalTo("UP"))
                .body("collectionAccount", equalTo("1-1200"))
                .body("disbursementAccount", equalTo("1-1200"))
                .body("timeZone", equalTo("Asia/Makassar"))
                .body("adjustmentApprovalThreshold", equalTo("10000000.00"));
        as(Tokens.auditor(led)).get(settings(led)).then().body("allocationOrder",
                equalTo("INTEREST_PRINCIPAL_PENALTY"));
        as(Tokens.manager(led)).body(Map.of("approvalThreshold", "1000000")).put(settings(led)).then()
                .statusCode(200)
                .body("allocationOrder", equalTo("PENALTY_INTEREST_PRINCIPAL"))
                .body("rounding.step", equalTo("1.00"))
                .body("timeZone", equalTo("Asia/Jakarta"))
                .body("adjustmentApprovalThreshold", nullValue());
    }

    @Test
    void refusesSettingsThatCannotWork() {
        UUID led = Api.createLed();
        assertProblem(as(Tokens.clerk(led)).body(Map.of()).put(settings(led)), 403, "forbidden");
        assertProblem(as(Tokens.manager(led)).body(Map.of("approvalThreshold", "-1")).put(settings(led)), 400,
                "validation-failed", "approvalThreshold");
        assertProblem(as(Tokens.manager(led)).body(Map.of("rounding", Map.of("step", "0", "mode", "UP")))
                .put(settings(led)), 400, "validation-failed", "rounding.step");
        assertProblem(as(Tokens.manager(led)).body(Map.of("timeZone", "Europe/Amsterdam")).put(settings(led)), 400,
                "validation-failed", "timeZone");
        assertProblem(as(Tokens.manager(led)).body(Map.of("disbursementAccount", "5-1100")).put(settings(led)), 422,
                "account-not-allowed", "disbursementAccount");
        assertProblem(as(Tokens.manager(led)).body(Map.of("collectionAccount", "1-9999")).put(settings(led)), 422,
                "unknown-account", "collectionAccount");
        assertProblem(as(Tokens.manager(led)).body(Map.of("allocationOrder", "PRINCIPAL_FIRST")).put(settings(led)),
                400, "validation-failed");
        as(Tokens.auditor(led)).get(settings(led)).then().body("timeZone", equalTo("Asia/Jakarta"));
    }

    @Test
    void theLedsTimeZoneIsItsCalendarForTheJournalToo() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("timeZone", "Asia/Jayapura")).put(settings(led)).then().statusCode(200);
        LocalDate papua = LocalDate.now(ZoneId.of("Asia/Jayapura"));
        // Today in Papua is never refused, even in the hours when Jakarta still has yesterday.
        Api.post(led, papua.toString(), "1-1100", "3-1200", "1000.00");
        assertProblem(as(Tokens.manager(led)).body(Api.entry(papua.plusDays(1).toString(), "1-1100", "3-1200",
                "1000.00")).post("/api/v1/leds/" + led + "/journal-entries"), 422, "effective-date-in-future")
                .body("detail", containsString("Asia/Jayapura"));
        UUID jakarta = Api.createLed();
        assertProblem(as(Tokens.manager(jakarta)).body(Api.entry(LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1)
                .toString(), "1-1100", "3-1200", "1000.00")).post("/api/v1/leds/" + jakarta + "/journal-entries"),
                422, "effective-date-in-future").body("detail", containsString("Asia/Jakarta"));
    }
}
