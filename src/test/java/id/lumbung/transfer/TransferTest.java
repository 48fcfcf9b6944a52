package id.lumbung.transfer;

import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

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
import io.restassured.response.Response;

/** Moving money between the LED's cash and bank accounts. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class TransferTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();

    private static String transfers(UUID led) {
        return "/api/v1/leds/" + led + "/transfers";
    }

    private static Map<String, Object> transfer(String from, String to, String amount) {
        return Map.of("from", from, "to", to, "amount", amount, "on", TODAY);
    }

    @Test
    void movesMoneyFromTheBankToTheCashBox() {
        UUID led = Api.createLed();
        Api.post(led, TODAY, "1-1200", "3-1200", "8000000.00");
        Response response = as(Tokens.clerk(led)).body(transfer("1-1200", "1-1100", "5000000")).post(transfers(led));
        response.then().statusCode(201)
                .header("Location", endsWith(transfers(led) + "/" + response.path("id")))
                .body("from", equalTo("1-1200"))
                .body("to", equalTo("1-1100"))
                .body("amount", equalTo("5000000.00"))
                .body("description", equalTo("Pemindahan dana 1-1200 ke 1-1100"))
                .body("recordedBy", equalTo("clerk.budi"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + response.path("entryId")).then()
                .body("kind", equalTo("TRANSFER"))
                .body("reference.type", equalTo("TRANSFER"))
                .body("postings.account", contains("1-1100", "1-1200"))
                .body("postings.side", contains("DEBIT", "CREDIT"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1200").then()
                .body("balance", equalTo("3000000.00"));
        as(Tokens.auditor(led)).get(transfers(led)).then().body("items.id", contains((String) response.path("id")));
        as(Tokens.auditor(led)).get(response.header("Location")).then().statusCode(200)
                .body("entryId", equalTo(response.path("entryId")));
    }

    @Test
    void refusesWhatIsNotATransferOfTheLedsOwnMoney() {
        UUID led = Api.createLed();
        Api.post(led, TODAY, "1-1200", "3-1200", "1000000.00");
        String token = Tokens.clerk(led);
        assertProblem(rejected(() -> as(token).body(transfer("1-1200", "1-1100", "1000000.01"))
                .post(transfers(led))), 409, "insufficient-funds");
        assertProblem(rejected(() -> as(token).body(transfer("1-1200", "1-1200", "1000")).post(transfers(led))),
                400, "validation-failed", "to");
        assertProblem(rejected(() -> as(token).body(transfer("1-1200", "5-1100", "1000")).post(transfers(led))),
                422, "account-not-allowed", "to");
        assertProblem(rejected(() -> as(token).body(transfer("1-1300", "1-1100", "1000")).post(transfers(led))),
                422, "account-not-allowed", "from");
        assertProblem(rejected(() -> as(token).body(transfer("1-1200", "1-1100", "0")).post(transfers(led))), 400,
                "validation-failed", "amount");
        assertProblem(rejected(() -> as(Tokens.auditor(led)).body(transfer("1-1200", "1-1100", "1000"))
                .post(transfers(led))), 403, "forbidden");
    }
}
