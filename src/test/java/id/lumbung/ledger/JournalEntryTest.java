package id.lumbung.ledger;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class JournalEntryTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();

    @Test
    void postsBalancedAdjustmentWithNumberHashAndLocation() {
        UUID led = Api.createLed();
        Response response = as(Tokens.manager(led))
                .body(Map.of("effectiveDate", TODAY, "description", "Setoran modal swadaya",
                        "postings", List.of(
                                Map.of("account", "1-1100", "side", "DEBIT", "amount", "2500000.00"),
                                Map.of("account", "3-1200", "side", "CREDIT", "amount", 2500000))))
                .post("/api/v1/leds/" + led + "/journal-entries");
        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/leds/" + led + "/journal-entries/" + response.path("id")))
                .body("number", equalTo(1))
                .body("kind", equalTo("ADJUSTMENT"))
                .body("recordedBy", equalTo("manager.siti"))
                .body("effectiveDate", equalTo(TODAY))
                .body("postings", hasSize(2))
                .body("postings[0].amount", equalTo("2500000.00"))
                .body("postings[1].amount", equalTo("2500000.00"))
                .body("postings[1].side", equalTo("CREDIT"))
                .body("hash", matchesPattern("[0-9a-f]{64}"))
                .body("previousHash", equalTo("0".repeat(64)))
                .body("reverses", nullValue())
                .body("reversedBy", nullValue());

        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then().statusCode(200)
                .body("debitsPosted", equalTo("2500000.00"))
                .body("balance", equalTo("2500000.00"));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/3-1200").then().statusCode(200)
                .body("creditsPosted", equalTo("2500000.00"))
                .body("balance", equalTo("2500000.00"));
    }

    @Test
    void numbersEntriesGaplesslyAndChainsTheirHashes() {
        UUID led = Api.createLed();
        UUID first = Api.post(led, TODAY, "1-1100", "3-1200", "100.00");
        UUID second = Api.post(led, TODAY, "1-1200", "3-1200", "200.00");
        String firstHash = as(Tokens.clerk(led)).get("/api/v1/leds/" + led + "/journal-entries/" + first)
                .then().statusCode(200).body("number", equalTo(1)).extract().path("hash");
        as(Tokens.clerk(led)).get("/api/v1/leds/" + led + "/journal-entries/" + second)
                .then().statusCode(200).body("number", equalTo(2)).body("previousHash", equalTo(firstHash));
    }

    @Test
    void reversesWithOppositePostingsAndMarksTheOriginal() {
        UUID led = Api.createLed();
        UUID original = Api.post(led, TODAY, "1-1100", "3-1200", "750000.00");
        Response reversal = as(Tokens.manager(led))
                .body(Map.of("reason", "Transfer ditolak bank"))
                .post("/api/v1/leds/" + led + "/journal-entries/" + original + "/reversal");
        reversal.then().statusCode(201)
                .header("Location", endsWith("/journal-entries/" + reversal.path("id")))
                .body("kind", equalTo("REVERSAL"))
                .body("reverses", equalTo(original.toString()))
                .body("description", equalTo("Transfer ditolak bank"))
                .body("effectiveDate", equalTo(TODAY))
                .body("postings[0].account", equalTo("1-1100"))
                .body("postings[0].side", equalTo("CREDIT"))
                .body("postings[1].account", equalTo("3-1200"))
                .body("postings[1].side", equalTo("DEBIT"));

        as(Tokens.manager(led)).get("/api/v1/leds/" + led + "/journal-entries/" + original).then()
                .body("reversedBy", equalTo(reversal.path("id")))
                .body("postings[0].side", equalTo("DEBIT"));
        as(Tokens.manager(led)).get("/api/v1/leds/" + led + "/accounts/1-1100").then()
                .body("balance", equalTo("0.00"))
                .body("debitsPosted", equalTo("750000.00"))
                .body("creditsPosted", equalTo("750000.00"));
    }

    @Test
    void refusesToReverseTwiceOrToReverseAReversal() {
        UUID led = Api.createLed();
        UUID original = Api.post(led, TODAY, "1-1100", "3-1200", "10.00");
        String reversal = as(Tokens.manager(led)).body(Map.of("reason", "salah input"))
                .post("/api/v1/leds/" + led + "/journal-entries/" + original + "/reversal")
                .then().statusCode(201).extract().path("id");
        as(Tokens.manager(led)).body(Map.of("reason", "lagi"))
                .post("/api/v1/leds/" + led + "/journal-entries/" + original + "/reversal")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:entry-already-reversed"));
        as(Tokens.manager(led)).body(Map.of("reason", "batal pembalikan"))
                .post("/api/v1/leds/" + led + "/journal-entries/" + reversal + "/reversal")
                .then().statusCode(409)
                .body("type", equalTo("urn:lumbung:problem:entry-is-reversal"));
    }

    @Test
    void clerkCannotPostAdjustmentsOrReverse() {
        UUID led = Api.createLed();
        UUID entry = Api.post(led, TODAY, "1-1100", "3-1200", "10.00");
        as(Tokens.clerk(led)).body(Api.entry(TODAY, "1-1100", "3-1200", "5.00"))
                .post("/api/v1/leds/" + led + "/journal-entries")
                .then().statusCode(403).body("type", equalTo("urn:lumbung:problem:forbidden"));
        as(Tokens.clerk(led)).body(Map.of("reason", "x"))
                .post("/api/v1/leds/" + led + "/journal-entries/" + entry + "/reversal")
                .then().statusCode(403);
    }

    @Test
    void listsInNumberOrderWithCursorAndFilters() {
        UUID led = Api.createLed();
        String yesterday = LocalDate.parse(TODAY).minusDays(1).toString();
        for (int i = 0; i < 5; i++) {
            Api.post(led, i % 2 == 0 ? TODAY : yesterday, "1-1100", "3-1200", (i + 1) + "00.00");
        }
        Api.post(led, TODAY, "1-1200", "3-1100", "1.00");
        String path = "/api/v1/leds/" + led + "/journal-entries";
        Response page1 = as(Tokens.auditor(led)).queryParam("limit", 2).get(path);
        page1.then().statusCode(200).body("items", hasSize(2)).body("items[0].number", equalTo(1))
                .body("next", notNullValue());
        Response page2 = as(Tokens.auditor(led)).queryParam("limit", 2).queryParam("after", (String) page1.path("next"))
                .get(path);
        page2.then().body("items[0].number", equalTo(3)).body("items[1].number", equalTo(4));
        Response last = as(Tokens.auditor(led)).queryParam("limit", 2).queryParam("after", (String) page2.path("next"))
                .get(path);
        last.then().body("items", hasSize(2)).body("next", nullValue());

        as(Tokens.auditor(led)).queryParam("account", "1-1200").get(path).then()
                .body("items", hasSize(1)).body("items[0].number", equalTo(6));
        as(Tokens.auditor(led)).queryParam("from", TODAY).queryParam("to", TODAY).queryParam("account", "1-1100")
                .get(path).then().body("items.number", equalTo(List.of(1, 3, 5)));
        as(Tokens.auditor(led)).queryParam("kind", "REVERSAL").get(path).then().body("items", hasSize(0));
    }

    @Test
    void balanceAsOfAPastDayExcludesLaterEntries() {
        UUID led = Api.createLed();
        LocalDate today = LocalDate.parse(TODAY);
        Api.post(led, today.minusDays(10).toString(), "1-1100", "3-1200", "1000.00");
        Api.post(led, today.minusDays(5).toString(), "1-1100", "3-1200", "500.00");
        Api.post(led, today.minusDays(5).toString(), "5-1100", "1-1100", "200.00");
        Api.post(led, today.toString(), "1-1100", "3-1200", "50.00");
        String account = "/api/v1/leds/" + led + "/accounts/1-1100";
        as(Tokens.auditor(led)).queryParam("asOf", today.minusDays(11).toString()).get(account).then()
                .body("balance", equalTo("0.00"));
        as(Tokens.auditor(led)).queryParam("asOf", today.minusDays(10).toString()).get(account).then()
                .body("balance", equalTo("1000.00"));
        as(Tokens.auditor(led)).queryParam("asOf", today.minusDays(1).toString()).get(account).then()
                .body("debitsPosted", equalTo("1500.00")).body("creditsPosted", equalTo("200.00"))
                .body("balance", equalTo("1300.00")).body("asOf", equalTo(today.minusDays(1).toString()));
        as(Tokens.auditor(led)).get(account).then().body("balance", equalTo("1350.00"));
    }

    @Test
    void verificationReportsAValidChainWithItsHead() {
        UUID led = Api.createLed();
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("entries", equalTo(0));
        Api.post(led, TODAY, "1-1100", "3-1200", "10.00");
        UUID last = Api.post(led, TODAY, "1-1100", "3-1200", "20.00");
        String hash = as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + last).path("hash");
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("entries", equalTo(2))
                .body("head.number", equalTo(2)).body("head.hash", equalTo(hash));
    }

    @Test
    void recomputedHashMatchesStoredEntry() {
        UUID led = Api.createLed();
        UUID id = Api.post(led, TODAY, "1-1100", "3-1200", "10.00");
        Map<String, Object> view = as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/" + id)
                .then().extract().as(Map.class);
        assertNotNull(view.get("hash"));
        assertNull(view.get("reference"));
        assertEquals(1, view.get("number"));
    }
}
