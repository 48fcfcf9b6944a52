package id.lumbung.loan.group;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.Lending;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Group-loan requests that break a rule: each a named 4xx problem, and nothing written. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class GroupLoanBadInputTest {

    @Test
    void applicationsWithBadSharesAreRefused() {
        UUID led = Lending.funded();
        Kub.Group group = Kub.group(led, "KUB Mawar", "Siti Aminah", "Dewi Lestari");
        UUID outsider = Kub.member(led, "Rina Wati", null);
        UUID product = Lending.product(led, "FLAT", "1.5", "MONTH", "MONTHLY", 10, Map.of("minPrincipal", "500000",
                "maxPrincipal", "5000000"));
        String clerk = Tokens.clerk(led);

        assertProblem(rejected(() -> Kub.apply(clerk, group, Kub.request(group, product, "Siti Aminah", "1000000",
                outsider, "1000000"))), 422, "member-not-in-group", "shares[1].memberId");
        assertProblem(rejected(() -> Kub.apply(clerk, group, Kub.request(group, product))), 422, "no-shares",
                "shares");
        assertProblem(rejected(() -> Kub.apply(clerk, group, Kub.request(group, product, "Siti Aminah", "1000000",
                "Dewi Lestari", "1000000", "Siti Aminah", "2000000"))), 422, "duplicate-share", "shares[2].memberId");
        assertProblem(rejected(() -> Kub.apply(clerk, group, Kub.request(group, product, "Siti Aminah", "1000000",
                UUID.randomUUID(), "1000000"))), 422, "unknown-member", "shares[1].memberId");
        assertProblem(rejected(() -> Kub.apply(clerk, group, Kub.request(group, product, "Siti Aminah", "1000000",
                "Dewi Lestari", "6000000"))), 422, "outside-product-bounds");
        assertProblem(rejected(() -> Kub.apply(clerk, group, Kub.request(group, UUID.randomUUID(), "Siti Aminah",
                "1000000"))), 422, "unknown-product", "productId");
        Map<String, Object> withGrant = Kub.request(group, product, "Siti Aminah", "1000000");
        withGrant.put("grantId", UUID.randomUUID());
        assertProblem(rejected(() -> Kub.apply(clerk, group, withGrant)), 422, "unknown-grant", "grantId");
        Map<String, Object> noPurpose = Kub.request(group, product, "Siti Aminah", "1000000");
        noPurpose.put("purpose", "Modal\u0007usaha");
        assertProblem(rejected(() -> Kub.apply(clerk, group, noPurpose)), 400, "validation-failed", "purpose");
        assertProblem(rejected(() -> Kub.apply(Tokens.trainer(led), group, Kub.request(group, product,
                "Siti Aminah", "1000000"))), 403, "forbidden");

        // An unknown group, or another LED's, is not there.
        Kub.Group unknown = new Kub.Group(led, UUID.randomUUID(), group.members());
        assertProblem(rejected(() -> Kub.apply(clerk, unknown, Kub.request(group, product, "Siti Aminah",
                "1000000"))), 404, "not-found");
        UUID other = Lending.funded();
        Kub.Group theirs = Kub.group(other, "KUB Melati", "Ani", "Wati");
        UUID theirLoan = Kub.disbursed(theirs, Lending.flatProduct(other), day(-10), "Ani", "1000000");
        Kub.Group mixed = new Kub.Group(led, theirs.id(), theirs.members());
        assertProblem(rejected(() -> Kub.apply(clerk, mixed, Kub.request(theirs, product, "Ani", "1000000"))), 404,
                "not-found");
        assertProblem(as(Tokens.auditor(led)).get(mixed.path() + "/loans/" + theirLoan), 404, "not-found");
        assertProblem(rejected(() -> Kub.repay(mixed, theirLoan, Map.of("amount", "1000", "paidOn", day(0)))), 404,
                "not-found");
        assertProblem(as(Tokens.auditor(led)).get(group.path() + "/loans/" + theirLoan), 404, "not-found");
    }

    @Test
    void approvalKeepsMakerCheckerOnTheGroupsTotal() {
        UUID led = Lending.funded();
        Kub.Group group = Kub.group(led, "KUB Mawar", "Siti Aminah", "Dewi Lestari");
        UUID product = Lending.flatProduct(led);
        as(Tokens.manager(led)).body(Map.of("approvalThreshold", "5000000")).put(base(led) + "/settings/lending")
                .then().statusCode(200);
        // Each share is below the threshold, the group's 6,000,000 is above it.
        String loan = Kub.apply(Tokens.manager(led), group, Kub.request(group, product, "Siti Aminah", "3000000",
                "Dewi Lestari", "3000000")).then().statusCode(201).extract().path("id");
        String approval = group.path() + "/loans/" + loan + "/approval";
        assertProblem(rejected(() -> as(Tokens.clerk(led)).body(Map.of()).post(approval)), 403, "forbidden");
        assertProblem(rejected(() -> as(Tokens.manager(led)).body(Map.of()).post(approval)), 403,
                "approver-is-maker");
        String other = Tokens.of("led-manager", "manager.ahmad", List.of(), List.of(led));
        as(other).body(Map.of()).post(approval).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("APPROVED"))
                .body("decidedBy", org.hamcrest.Matchers.equalTo("manager.ahmad"));

        // Below the threshold the applicant may approve; a rejection needs a reason and leaves every share REJECTED.
        String small = Kub.apply(Tokens.manager(led), group, Kub.request(group, product, "Siti Aminah", "1000000",
                "Dewi Lestari", "1000000")).then().statusCode(201).extract().path("id");
        assertProblem(rejected(() -> as(Tokens.manager(led)).body(Map.of()).post(group.path() + "/loans/" + small
                + "/rejection")), 400, "validation-failed", "reason");
        as(Tokens.manager(led)).body(Map.of("reason", "Dua anggota masih menunggak")).post(group.path() + "/loans/"
                + small + "/rejection").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("REJECTED"))
                .body("shares.status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("REJECTED")));
        assertProblem(rejected(() -> as(Tokens.manager(led)).body(Map.of("disbursedOn", day(0)))
                .post(group.path() + "/loans/" + small + "/disbursement")), 409, "loan-status");
    }

    @Test
    void paymentsTheGroupLoanCannotTakeAreRefused() {
        UUID led = Lending.funded();
        Kub.Group group = Kub.group(led, "KUB Mawar", "Siti Aminah", "Dewi Lestari");
        UUID outsider = Kub.member(led, "Rina Wati", null);
        UUID product = Lending.flatProduct(led);
        String disbursedOn = day(-40);
        String applied = Kub.apply(Tokens.clerk(led), group, Kub.request(group, product, "Siti Aminah", "1000000"))
                .then().statusCode(201).extract().path("id");
        assertProblem(rejected(() -> Kub.repay(group, UUID.fromString(applied), Map.of("amount", "1000", "paidOn",
                day(0)))), 409, "loan-status");

        UUID loan = Kub.disbursed(group, product, disbursedOn, "Siti Aminah", "1000000", "Dewi Lestari", "1000000");
        // Everything owed today: 2,000,000 principal, 2 × 15,000 interest due and a little penalty.
        assertProblem(rejected(() -> Kub.repay(group, loan, Map.of("amount", "2100000", "paidOn", day(0)))), 409,
                "repayment-exceeds-outstanding");
        assertProblem(rejected(() -> Kub.repay(group, loan, Map.of("amount", "1000", "paidOn",
                LocalDate.parse(disbursedOn).minusDays(1).toString()))), 422, "paid-before-disbursement", "paidOn");
        assertProblem(rejected(() -> Kub.repay(group, loan, Map.of("amount", "1000", "paidOn", day(1)))), 422,
                "effective-date-in-future", "paidOn");
        assertProblem(rejected(() -> Kub.repay(group, loan, Map.of("amount", "0", "paidOn", day(0)))), 400,
                "validation-failed", "amount");
        assertProblem(rejected(() -> Kub.repay(group, loan, Map.of("amount", "1000", "paidOn", day(0),
                "for", outsider))), 400, "validation-failed", "for");
        assertProblem(rejected(() -> Kub.repay(group, loan, Map.of("amount", "1000", "paidOn", day(0),
                "account", "5-1100"))), 422, "account-not-allowed", "account");
        assertProblem(rejected(() -> as(Tokens.trainer(led)).body(Map.of("amount", "1000", "paidOn", day(0)))
                .post(group.path() + "/loans/" + loan + "/repayments")), 403, "forbidden");
        assertProblem(rejected(() -> as(Tokens.manager(led)).body(Map.of("reason", "coba"))
                .post(group.path() + "/loans/" + loan + "/repayments/" + UUID.randomUUID() + "/reversal")), 404,
                "not-found");
    }
}
