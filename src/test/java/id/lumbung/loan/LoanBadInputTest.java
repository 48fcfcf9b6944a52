package id.lumbung.loan;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every refusal of the loan endpoints is a 4xx problem with a named type, and writes nothing. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LoanBadInputTest {

    private static Response refused(UUID led, Supplier<Response> request) {
        long before = Lending.rows(led);
        Response response = request.get();
        assertEquals(before, Lending.rows(led), () -> "a refused request wrote rows: " + response.asString());
        return response;
    }

    private static Map<String, Object> product(Map<String, Object> change) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Pinjaman " + UUID.randomUUID(), "interestMethod",
                "FLAT", "interestRate", "1.5", "ratePeriod", "MONTH", "frequency", "MONTHLY", "installments", 10,
                "graceInstallments", 0, "adminFeePercent", "1"));
        body.putAll(change);
        return body;
    }

    @Test
    void productsRefuseAbsurdTerms() {
        UUID led = Api.createLed();
        String products = base(led) + "/loan-products";
        for (Map<String, Object> change : new Map[] {Map.of("interestRate", "-1"), Map.of("interestRate", "150"),
                Map.of("interestRate", "12", "ratePeriod", "MONTH"), Map.of("interestRate", "1.23456"),
                Map.of("installments", 0), Map.of("graceInstallments", 10), Map.of("adminFeePercent", "50"),
                Map.of("penaltyRatePerDay", "5"), Map.of("minPrincipal", "2000000", "maxPrincipal", "1000000"),
                Map.of("minInstallments", 11), Map.of("interestMethod", "BALLOON")}) {
            Response response = refused(led, () -> as(Tokens.manager(led)).body(product(change)).post(products));
            assertEquals(400, response.statusCode(), () -> change + ": " + response.asString());
            assertProblem(response, 400, response.path("type").toString().endsWith("malformed-json")
                    ? "malformed-json" : "validation-failed");
        }
        as(Tokens.manager(led)).body(product(Map.of("name", "Pinjaman Modal Usaha KUB 2026"))).post(products)
                .then().statusCode(201);
        assertProblem(refused(led, () -> as(Tokens.manager(led))
                .body(product(Map.of("name", "Pinjaman Modal Usaha KUB 2026"))).post(products)), 409,
                "duplicate-product-name");
        assertProblem(refused(led, () -> as(Tokens.clerk(led)).body(product(Map.of())).post(products)), 403,
                "forbidden");
    }

    @Test
    void applicationsRefuseUnknownPartiesAndTermsOutsideTheProduct() {
        UUID led = Lending.funded();
        UUID siti = Lending.member(led, "Siti Aminah");
        UUID product = Lending.product(led, "FLAT", "1.5", "MONTH", "MONTHLY", 10, Map.of("minPrincipal", "500000",
                "maxPrincipal", "10000000", "minInstallments", 6, "maxInstallments", 12));
        String loans = base(led) + "/loans";
        assertProblem(refused(led, () -> Lending.apply(Tokens.clerk(led), led, UUID.randomUUID(), product,
                "3000000")), 422, "unknown-member", "memberId");
        assertProblem(refused(led, () -> Lending.apply(Tokens.clerk(led), led, siti, UUID.randomUUID(),
                "3000000")), 422, "unknown-product", "productId");
        assertProblem(refused(led, () -> Lending.apply(Tokens.clerk(led), led, siti, product, "20000000")), 422,
                "outside-product-bounds", "principal");
        assertProblem(refused(led, () -> Lending.apply(Tokens.clerk(led), led, siti, product, "100000")), 422,
                "outside-product-bounds", "principal");
        for (Map<String, Object> change : new Map[] {Map.of("installments", 24), Map.of("interestRate", "2")}) {
            Map<String, Object> body = new HashMap<>(Map.of("memberId", siti, "productId", product, "principal",
                    "3000000", "purpose", "Modal usaha"));
            body.putAll(change);
            assertProblem(refused(led, () -> as(Tokens.clerk(led)).body(body).post(loans)), 422,
                    "outside-product-bounds", change.keySet().iterator().next());
        }
        for (String principal : new String[] {"0", "-5000", "1000.001"}) {
            Response response = refused(led, () -> Lending.apply(Tokens.clerk(led), led, siti, product, principal));
            assertEquals(400, response.statusCode(), () -> principal + ": " + response.asString());
        }
        Map<String, Object> withGrant = new HashMap<>(Map.of("memberId", siti, "productId", product, "principal",
                "3000000", "purpose", "Modal usaha", "grantId", UUID.randomUUID()));
        assertProblem(refused(led, () -> as(Tokens.clerk(led)).body(withGrant).post(loans)), 422, "unknown-grant",
                "grantId");
        withGrant.remove("grantId");
        withGrant.put("groupId", UUID.randomUUID());
        assertProblem(refused(led, () -> as(Tokens.clerk(led)).body(withGrant).post(loans)), 422, "unknown-group",
                "groupId");
        assertProblem(refused(led, () -> Lending.apply(Tokens.trainer(led), led, siti, product, "3000000")), 403,
                "forbidden");
    }

    @Test
    void disbursementsAndRepaymentsRefuseWhatTheLoanCannotTake() {
        UUID led = Lending.funded();
        UUID siti = Lending.member(led, "Siti Aminah");
        UUID product = Lending.flatProduct(led);
        UUID applied = UUID.fromString(Lending.apply(Tokens.clerk(led), led, siti, product, "3000000").then()
                .statusCode(201).extract().path("id"));
        assertProblem(refused(led, () -> Lending.disburse(led, applied, day(0))), 409, "loan-status");
        assertProblem(refused(led, () -> Lending.repay(led, applied, "1000", day(0))), 409, "loan-status");

        UUID loan = Lending.approved(led, siti, product, "3000000");
        assertProblem(refused(led, () -> Lending.disburse(led, loan, day(1))), 422, "effective-date-in-future",
                "disbursedOn");
        assertProblem(refused(led, () -> as(Tokens.manager(led)).body(Map.of("disbursedOn", day(0), "paidFrom",
                "5-1100")).post(base(led) + "/loans/" + loan + "/disbursement")), 422, "account-not-allowed",
                "paidFrom");
        assertProblem(refused(led, () -> as(Tokens.clerk(led)).body(Map.of("disbursedOn", day(0)))
                .post(base(led) + "/loans/" + loan + "/disbursement")), 403, "forbidden");
        Lending.disburse(led, loan, day(-30)).then().statusCode(201);
        assertProblem(refused(led, () -> Lending.disburse(led, loan, day(0))), 409, "loan-status");

        assertProblem(refused(led, () -> Lending.repay(led, loan, "1000", day(-31))), 422,
                "paid-before-disbursement", "paidOn");
        assertProblem(refused(led, () -> Lending.repay(led, loan, "1000", day(1))), 422,
                "effective-date-in-future", "paidOn");
        for (String amount : new String[] {"0", "-1000", "10.005", "abc"}) {
            Response response = refused(led, () -> Lending.repay(led, loan, amount, day(0)));
            assertEquals(400, response.statusCode(), () -> amount + ": " + response.asString());
        }
        assertProblem(refused(led, () -> Lending.repay(led, loan, "99999999", day(0))), 409,
                "repayment-exceeds-outstanding");
        assertProblem(refused(led, () -> as(Tokens.clerk(led)).body(Map.of("amount", "1000", "paidOn", day(0),
                "account", "1-1300")).post(base(led) + "/loans/" + loan + "/repayments")), 422,
                "account-not-allowed", "account");
        assertProblem(refused(led, () -> Lending.reverseRepayment(led, loan, UUID.randomUUID().toString(),
                Map.of("reason", "salah"))), 404, "not-found");
    }

    @Test
    void disbursingMoreThanTheBankHoldsIsRefused() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("source", "APBD Kabupaten Kampar 2026", "decreeNumber", "SK 1",
                "amount", "2000000", "receivedOn", day(-10))).post(base(led) + "/grants").then().statusCode(201);
        UUID loan = Lending.approved(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000");
        assertProblem(refused(led, () -> Lending.disburse(led, loan, day(0))), 409, "insufficient-funds");
        Lending.loan(led, loan).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("APPROVED"));
    }

    @Test
    void anotherLedsLoansAnswerNotFound() {
        UUID led = Lending.funded();
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                day(-10));
        UUID other = Api.createLed();
        String foreign = Tokens.manager(other);
        for (Response response : new Response[] {
            as(foreign).get(base(led) + "/loans/" + loan),
            as(foreign).get(base(other) + "/loans/" + loan),
            as(foreign).get(base(other) + "/loans/" + loan + "/schedule"),
            as(foreign).body(Map.of("amount", "1000", "paidOn", day(0))).post(base(other) + "/loans/" + loan
                    + "/repayments"),
            as(foreign).body(Map.of("amount", "1000", "paidOn", day(0))).post(base(led) + "/loans/" + loan
                    + "/repayments"),
            as(foreign).body(Map.of()).post(base(other) + "/loans/" + loan + "/approval")}) {
            assertProblem(response, 404, "not-found");
        }
    }
}
