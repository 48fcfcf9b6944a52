package id.lumbung.platform.idempotency;

import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * With {@code lumbung.idempotency.required=true}, every request that moves money needs an
 * Idempotency-Key (400 {@code idempotency-key-required}, nothing written); the others do not.
 */
@QuarkusTest
@TestProfile(IdempotencyRequiredTest.KeysRequired.class)
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class IdempotencyRequiredTest {

    /** The service as an operator who requires keys runs it. */
    public static class KeysRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lumbung.idempotency.required", "true");
        }
    }

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();

    @Test
    void moneyWithoutAKeyIsRefused() {
        UUID led = Api.createLed();
        String manager = Tokens.manager(led);
        UUID member = UUID.fromString(as(manager).body(Map.of("name", "Siti Aminah", "nik", "1406014507900013",
                "gender", "F", "birthDate", "1990-07-05")).post("/api/v1/leds/" + led + "/members")
                .then().statusCode(201).extract().path("id"));
        Map<String, Object> contribution = Map.of("type", "COMMUNITY_EQUITY", "amount", "250000",
                "receivedOn", TODAY);

        refused(as(manager).body(contribution), "/api/v1/leds/" + led + "/contributions");
        refused(as(manager).body(Api.entry(TODAY, "1-1100", "3-1200", "1000.00")),
                "/api/v1/leds/" + led + "/journal-entries");
        refused(as(manager).body(Map.of("amount", "50000", "receivedOn", TODAY)),
                "/api/v1/leds/" + led + "/members/" + member + "/savings/deposits");
        refused(as(manager).body(Map.of("account", "5-1100", "amount", "100000", "paidOn", TODAY,
                "description", "Cetak buku kas")), "/api/v1/leds/" + led + "/expenses");

        String key = UUID.randomUUID().toString();
        String id = as(manager).header("Idempotency-Key", key).body(contribution)
                .post("/api/v1/leds/" + led + "/contributions").then().statusCode(201).extract().path("id");
        as(manager).header("Idempotency-Key", key).body(contribution)
                .post("/api/v1/leds/" + led + "/contributions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
    }

    @Test
    void whatMovesNoMoneyNeedsNoKey() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        as(Tokens.manager(led)).body(Map.of("name", "KUB Mawar")).post("/api/v1/leds/" + led + "/groups")
                .then().statusCode(201);
        as(Tokens.manager(led)).body(Map.of("code", "5-1400", "name", "Beban Transportasi Lapangan",
                "type", "EXPENSE", "noNegative", false)).post("/api/v1/leds/" + led + "/accounts")
                .then().statusCode(201);
    }

    @Test
    void theListOfOperationsWithoutMoneyIsExplicit() {
        assertFalse(IdempotencyService.movesMoney("POST groups"));
        assertFalse(IdempotencyService.movesMoney("POST loans"));
        assertTrue(IdempotencyService.movesMoney("POST loans/0193a5c2-11aa-7e0f-b3c4-000000000201/repayments"));
        assertTrue(IdempotencyService.movesMoney("POST transfers"));
        // A group loan's application and a reschedule move no money; a write-off and a group repayment do.
        String group = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70";
        String loan = "0193a5c2-11aa-7e0f-b3c4-000000000201";
        assertFalse(IdempotencyService.movesMoney("POST groups/" + group + "/loans"));
        assertFalse(IdempotencyService.movesMoney("POST loans/" + loan + "/reschedule"));
        assertFalse(IdempotencyService.movesMoney("POST loans/" + loan + "/reschedule/approval"));
        assertTrue(IdempotencyService.movesMoney("POST loans/" + loan + "/write-off"));
        assertTrue(IdempotencyService.movesMoney("POST groups/" + group + "/loans/" + loan + "/repayments"));
        assertTrue(IdempotencyService.movesMoney("POST some-endpoint-added-later"));
    }

    private static void refused(io.restassured.specification.RequestSpecification request, String path) {
        Response response = rejected(() -> request.post(path));
        assertProblem(response, 400, "idempotency-key-required");
        assertTrue(response.path("detail").toString().contains("Idempotency-Key"));
    }
}
