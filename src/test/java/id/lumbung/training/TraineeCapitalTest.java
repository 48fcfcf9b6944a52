package id.lumbung.training;

import static id.lumbung.support.Api.as;
import static id.lumbung.training.Training.TODAY;
import static id.lumbung.training.Training.base;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.Lending;
import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A trainee's capital: loans (with the loan views' own outstanding, arrears and kolektibilitas),
 * assistance, savings and totals, as of any day; the NIK masked for a trainer.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class TraineeCapitalTest {

    @Test
    void showsTheLoansAssistanceAndSavingsOfATraineeAsOfADay() {
        UUID led = Api.createLed();
        String grant = as(Tokens.manager(led)).body(Map.of("source", "APBD Kabupaten Bengkalis 2026", "decreeNumber",
                "SK 88/2026", "amount", "500000000", "receivedOn", TODAY.minusDays(400).toString()))
                .post(base(led) + "/grants").then().statusCode(201).extract().path("id");
        UUID member = Training.member(led, "Siti Rahmawati", "F", LocalDate.of(1990, 7, 5));
        String nik = as(Tokens.manager(led)).get(base(led) + "/members/" + member).then().extract().path("nik");
        UUID programme = Training.programme(led, TODAY.minusDays(100));
        UUID trainee = Training.enrol(led, programme, member);

        // Loan A before the training: 3,000,000 FLAT 1.5 %/month over 10 months, 345,000 an installment,
        // one paid (300,000 principal), then nothing: in arrears since the second installment fell due.
        UUID product = Lending.flatProduct(led);
        UUID before = Lending.disbursed(led, member, product, "3000000", TODAY.minusDays(150).toString());
        String firstDue = Lending.schedule(led, before).then().extract().path("installments[0].dueOn");
        Lending.repay(led, before, "345000", firstDue).then().statusCode(201);
        // Loan B after it, funded by the grant: nothing paid yet.
        UUID after = UUID.fromString(as(Tokens.clerk(led)).body(Map.of("memberId", member, "productId", product,
                "principal", "2000000", "purpose", "Modal usaha keripik nanas", "grantId", grant))
                .post(base(led) + "/loans").then().statusCode(201).extract().path("id"));
        as(Tokens.manager(led)).body(Map.of()).post(base(led) + "/loans/" + after + "/approval").then()
                .statusCode(200);
        Lending.disburse(led, after, TODAY.minusDays(50).toString()).then().statusCode(201);
        as(Tokens.clerk(led)).body(Map.of("kind", "CASH", "description", "Modal kerja", "value", "1000000",
                "givenOn", TODAY.minusDays(10).toString(), "paidByLed", true, "grantId", grant, "paidFrom", "1-1200"))
                .post(base(led) + "/trainees/" + trainee + "/assistance").then().statusCode(201);
        as(Tokens.clerk(led)).body(Map.of("kind", "IN_KIND", "description", "Bibit nanas 1.000 batang", "value",
                "500000", "givenOn", TODAY.minusDays(5).toString(), "paidByLed", false, "sponsor",
                "CSR PT Pertamina Hulu Rokan")).post(base(led) + "/trainees/" + trainee + "/assistance").then()
                .statusCode(201);
        as(Tokens.clerk(led)).body(Map.of("amount", "50000", "receivedOn", TODAY.minusDays(30).toString()))
                .post(base(led) + "/members/" + member + "/savings/deposits").then().statusCode(201);

        JsonPath capital = as(Tokens.trainer(led)).get(base(led) + "/trainees/" + trainee + "/capital").then()
                .statusCode(200)
                .body("asOf", equalTo(TODAY.toString()))
                .body("trainee.id", equalTo(trainee.toString()))
                .body("member.name", equalTo("Siti Rahmawati"))
                .body("member.nik", equalTo(nik.substring(0, 6) + "******" + nik.substring(12)))
                .body("loans.loanId", contains(before.toString(), after.toString()))
                .body("loans[0].beforeEnrolment", equalTo(true))
                .body("loans[1].beforeEnrolment", equalTo(false))
                .body("loans[0].principal", equalTo("3000000.00"))
                .body("loans[0].repaid", equalTo("300000.00"))
                .body("loans[1].grantId", equalTo(grant))
                .body("loans[1].repaid", equalTo("0.00"))
                .body("assistance", hasSize(2))
                .body("savingsBalance", equalTo("50000.00"))
                .body("contributions", equalTo("0.00"))
                .body("totals.capitalReceived", equalTo("6500000.00"))
                .body("totals.repaid", equalTo("300000.00"))
                .body("totals.outstanding", equalTo("4700000.00"))
                .extract().jsonPath();
        assertTrue(!capital.prettify().contains(nik), "a trainer never sees the NIK");
        // The loan figures are the loan views' own.
        for (int i = 0; i < 2; i++) {
            String loanId = capital.getString("loans[" + i + "].loanId");
            JsonPath loan = Lending.loan(led, UUID.fromString(loanId)).then().statusCode(200).extract().jsonPath();
            assertEquals(loan.getString("outstandingPrincipal"), capital.getString("loans[" + i + "].outstanding"));
            assertEquals(loan.getInt("daysPastDue"), capital.getInt("loans[" + i + "].daysPastDue"));
            assertEquals(loan.getString("kolektibilitas"), capital.getString("loans[" + i + "].kolektibilitas"));
            assertEquals(loan.getString("disbursedOn"), capital.getString("loans[" + i + "].disbursedOn"));
        }
        assertTrue(capital.getInt("loans[0].daysPastDue") > 30, "loan A is in arrears since its second installment");
        assertTrue(capital.getInt("loans[1].daysPastDue") > 0, "loan B's first installment is overdue");

        // Before loan B and the assistance, on the day training started: only loan A, one installment paid
        // (due a month after 150 days ago, so before the start 100 days ago).
        String start = TODAY.minusDays(100).toString();
        as(Tokens.manager(led)).get(base(led) + "/trainees/" + trainee + "/capital?asOf=" + start).then()
                .statusCode(200)
                .body("member.nik", equalTo(nik))
                .body("loans.loanId", contains(before.toString()))
                .body("loans[0].outstanding", equalTo("2700000.00"))
                .body("assistance", hasSize(0))
                .body("savingsBalance", equalTo("0.00"))
                .body("totals.capitalReceived", equalTo("3000000.00"))
                .body("totals.repaid", equalTo("300000.00"))
                .body("totals.outstanding", equalTo("2700000.00"));
        JsonPath thatDay = Lending.loan(led, before).then().extract().jsonPath();
        assertEquals("3000000.00", thatDay.getString("principal"));
        as(Tokens.auditor(led)).get(base(led) + "/loans/" + before + "?asOf=" + start).then()
                .body("outstandingPrincipal", equalTo("2700000.00"));

        // Another LED's trainee is not there; a day that is not a date answers 404, as every asOf of the API.
        UUID other = Api.createLed();
        as(Tokens.trainer(other)).get(base(other) + "/trainees/" + trainee + "/capital").then().statusCode(404);
        as(Tokens.trainer(led)).get(base(led) + "/trainees/" + trainee + "/capital?asOf=gestern").then()
                .statusCode(404);
    }
}
