package id.lumbung.training;

import static id.lumbung.support.Api.as;
import static id.lumbung.training.Training.TODAY;
import static id.lumbung.training.Training.base;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
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

/** The programme's money and capital assistance through the books: one balanced entry each, idempotently. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class TrainingMoneyTest {

    private static final String SPONSOR = "CSR PT Pertamina Hulu Rokan";

    /** An LED with 10,000,000 in cash (a community contribution) and a programme. */
    private static UUID ledWithCash() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("type", "COMMUNITY_EQUITY", "amount", "10000000",
                "receivedOn", TODAY.minusDays(40).toString())).post(base(led) + "/contributions").then()
                .statusCode(201);
        return led;
    }

    private static Map<String, Object> expense(String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount);
        body.put("paidOn", TODAY.minusDays(2).toString());
        body.put("description", "Modul cetak Pengelolaan Keuangan, 30 eksemplar");
        return body;
    }

    @Test
    void fundingReceivedPostsDrTheBankCrOtherIncomeReferencingTheProgramme() {
        UUID led = ledWithCash();
        UUID programme = Training.programme(led, TODAY.minusDays(30));
        String receipts = base(led) + "/programmes/" + programme + "/funding-receipts";
        Map<String, Object> body = Map.of("fundingLine", SPONSOR, "amount", "15000000", "receivedOn",
                TODAY.minusDays(3).toString());
        Response first = as(Tokens.clerk(led)).header("Idempotency-Key", "dana-csr-1").body(body).post(receipts);
        first.then().statusCode(201).body("fundingLine", equalTo(SPONSOR)).body("amount", equalTo("15000000.00"))
                .body("account", equalTo("1-1200"));
        String entry = first.path("entryId");
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + entry).then().statusCode(200)
                .body("kind", equalTo("TRAINING_FUNDING"))
                .body("reference.type", equalTo("TRAINING_PROGRAMME"))
                .body("reference.id", equalTo(programme.toString()))
                .body("postings[0].account", equalTo("1-1200")).body("postings[0].side", equalTo("DEBIT"))
                .body("postings[1].account", equalTo("4-1900")).body("postings[1].side", equalTo("CREDIT"))
                .body("postings[1].amount", equalTo("15000000.00"));
        // A retry with the same key is the same receipt, not a second one.
        as(Tokens.clerk(led)).header("Idempotency-Key", "dana-csr-1").body(body).post(receipts).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("entryId", equalTo(entry));
        assertEquals(1, Db.number("SELECT count(*) FROM training_funding_receipt WHERE programme_id = ?", programme));

        long before = Training.rows();
        as(Tokens.clerk(led)).body(Map.of("fundingLine", "CSR PT Sumber Rejeki", "amount", "1000", "receivedOn",
                TODAY.toString())).post(receipts).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:unknown-funding-line"));
        as(Tokens.clerk(led)).body(Map.of("fundingLine", SPONSOR, "amount", "1000", "receivedOn", TODAY.toString(),
                "account", "4-1100")).post(receipts).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:account-not-allowed"));
        as(Tokens.trainer(led)).body(body).post(receipts).then().statusCode(403)
                .body("type", equalTo("urn:lumbung:problem:forbidden"));
        assertEquals(before, Training.rows());

        as(Tokens.trainer(led)).get(base(led) + "/programmes/" + programme).then()
                .body("funding.lines[1].received", equalTo("15000000.00"))
                .body("funding.lines[0].received", equalTo("0.00"))
                .body("funding.total.received", equalTo("15000000.00"));
        // Reversed in the journal, it no longer counts as received.
        as(Tokens.manager(led)).body(Map.of("reason", "Salah catat")).post(base(led) + "/journal-entries/" + entry
                + "/reversal").then().statusCode(201);
        as(Tokens.trainer(led)).get(base(led) + "/programmes/" + programme).then()
                .body("funding.total.received", equalTo("0.00"));
    }

    @Test
    void expensesPostDrTrainingExpenseCrCashAndCountAsSpentPerLine() {
        UUID led = ledWithCash();
        UUID programme = Training.programme(led, TODAY.minusDays(30));
        String expenses = base(led) + "/programmes/" + programme + "/expenses";
        Map<String, Object> fromSponsor = expense("1200000");
        fromSponsor.put("fundingLine", SPONSOR);
        String entry = as(Tokens.manager(led)).body(fromSponsor).post(expenses).then().statusCode(201)
                .body("account", equalTo("5-1300")).body("paidFrom", equalTo("1-1100"))
                .body("fundingLine", equalTo(SPONSOR)).extract().path("entryId");
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + entry).then()
                .body("kind", equalTo("EXPENSE"))
                .body("reference.type", equalTo("TRAINING_PROGRAMME"))
                .body("postings[0].account", equalTo("5-1300")).body("postings[0].side", equalTo("DEBIT"))
                .body("postings[1].account", equalTo("1-1100")).body("postings[1].side", equalTo("CREDIT"));
        Map<String, Object> venue = expense("300000");
        venue.put("account", "5-1100");
        as(Tokens.clerk(led)).body(venue).post(expenses).then().statusCode(201).body("fundingLine", nullValue());

        as(Tokens.auditor(led)).get(base(led) + "/programmes/" + programme).then()
                .body("funding.lines[1].spent", equalTo("1200000.00"))
                .body("funding.unassignedSpent", equalTo("300000.00"))
                .body("funding.total.spent", equalTo("1500000.00"));
        as(Tokens.auditor(led)).get(base(led) + "/accounts/1-1100").then().body("balance", equalTo("8500000.00"));

        long before = Training.rows();
        as(Tokens.clerk(led)).body(expense("8500000.01")).post(expenses).then().statusCode(409)
                .body("type", equalTo("urn:lumbung:problem:insufficient-funds"));
        Map<String, Object> income = expense("1000");
        income.put("account", "4-1900");
        as(Tokens.clerk(led)).body(income).post(expenses).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:account-not-allowed"));
        Map<String, Object> unknownLine = expense("1000");
        unknownLine.put("fundingLine", "Dana Desa");
        as(Tokens.clerk(led)).body(unknownLine).post(expenses).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:unknown-funding-line"));
        as(Tokens.trainer(led)).body(expense("1000")).post(expenses).then().statusCode(403);
        as(Tokens.clerk(led)).body(expense("1000")).post(base(led) + "/programmes/" + UUID.randomUUID()
                + "/expenses").then().statusCode(404);
        assertEquals(before, Training.rows());
    }

    @Test
    void assistancePaidByTheLedIsBookedAndASponsorsGiftIsRecordedWithoutAnEntry() {
        UUID led = ledWithCash();
        UUID programme = Training.programme(led, TODAY.minusDays(30));
        UUID trainee = Training.enrol(led, programme, Training.member(led, "Siti Rahmawati", "F",
                LocalDate.of(1990, 7, 5)));
        String assistance = base(led) + "/trainees/" + trainee + "/assistance";
        Map<String, Object> paid = new HashMap<>(Map.of("kind", "IN_KIND", "description",
                "Mesin press plastik dan 500 kemasan", "value", "1750000", "givenOn", TODAY.minusDays(1).toString(),
                "paidByLed", true));
        Response booked = as(Tokens.clerk(led)).header("Idempotency-Key", "bantuan-1").body(paid).post(assistance);
        booked.then().statusCode(201).body("paidFrom", equalTo("1-1100")).body("value", equalTo("1750000.00"));
        String entry = booked.path("entryId");
        as(Tokens.auditor(led)).get(base(led) + "/journal-entries/" + entry).then()
                .body("kind", equalTo("CAPITAL_ASSISTANCE"))
                .body("reference.type", equalTo("TRAINEE")).body("reference.id", equalTo(trainee.toString()))
                .body("postings[0].account", equalTo("5-1500")).body("postings[0].side", equalTo("DEBIT"))
                .body("postings[1].account", equalTo("1-1100")).body("postings[1].side", equalTo("CREDIT"));
        as(Tokens.auditor(led)).get(base(led) + "/accounts/5-1500").then().body("name", equalTo("Beban Bantuan Modal"))
                .body("balance", equalTo("1750000.00"));
        as(Tokens.clerk(led)).header("Idempotency-Key", "bantuan-1").body(paid).post(assistance).then()
                .statusCode(201).header("Idempotent-Replayed", "true");

        long entries = Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led);
        Map<String, Object> gift = new HashMap<>(Map.of("kind", "IN_KIND", "description", "Bibit nanas 1.000 batang",
                "value", "2500000", "givenOn", TODAY.minusDays(1).toString(), "paidByLed", false, "sponsor", SPONSOR));
        as(Tokens.manager(led)).body(gift).post(assistance).then().statusCode(201).body("entryId", nullValue())
                .body("sponsor", equalTo(SPONSOR));
        assertEquals(entries, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led));
        as(Tokens.trainer(led)).get(base(led) + "/trainees/" + trainee + "/capital").then().statusCode(200)
                .body("assistance", hasSize(2)).body("totals.capitalReceived", equalTo("4250000.00"));

        UUID other = ledWithCash();
        long before = Training.rows();
        Map<String, Object> noSponsor = new HashMap<>(gift);
        noSponsor.remove("sponsor");
        as(Tokens.manager(led)).body(noSponsor).post(assistance).then().statusCode(400)
                .body("fields[0].field", equalTo("sponsor"));
        Map<String, Object> unknownGrant = new HashMap<>(paid);
        unknownGrant.put("grantId", UUID.randomUUID());
        as(Tokens.manager(led)).body(unknownGrant).post(assistance).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:unknown-grant"));
        as(Tokens.trainer(led)).body(paid).post(assistance).then().statusCode(403)
                .body("type", equalTo("urn:lumbung:problem:forbidden"));
        // Another LED's trainee is not there, whoever asks.
        as(Tokens.clerk(other)).body(paid).post(base(other) + "/trainees/" + trainee + "/assistance").then()
                .statusCode(404).body("type", equalTo("urn:lumbung:problem:not-found"));
        assertEquals(before, Training.rows());
    }

    @Test
    void aTrainerNeverSeesTheBooks() {
        UUID led = ledWithCash();
        for (String path : new String[] {"/journal-entries", "/accounts", "/accounts/1-1100", "/expenses"}) {
            as(Tokens.trainer(led)).get(base(led) + path).then().statusCode(403)
                    .body("type", equalTo("urn:lumbung:problem:forbidden"));
        }
    }
}
