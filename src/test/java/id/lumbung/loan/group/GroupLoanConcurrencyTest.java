package id.lumbung.loan.group;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.Lending;
import id.lumbung.support.Http;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Group payments and single payments racing on the same shares: they queue on the shares (locked
 * in one order, so never a deadlock), nothing is over-allocated, and 1-1300 always equals the
 * shares' outstanding principal.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class GroupLoanConcurrencyTest {

    private static final Set<String> REFUSALS = Set.of("urn:lumbung:problem:repayment-exceeds-outstanding",
            "urn:lumbung:problem:loan-status");

    @Test
    void racingGroupAndSinglePaymentsOfTheSameSharesNeverOverAllocate() throws Exception {
        UUID led = Lending.funded();
        Kub.Group group = Kub.group(led, "KUB Mawar", "Siti Aminah", "Dewi Lestari", "Rina Wati");
        // Nothing falls due within five days of the disbursement: every share owes exactly its principal.
        UUID loan = Kub.disbursed(group, Lending.flatProduct(led), day(-5), "Siti Aminah", "1000000",
                "Dewi Lestari", "1000000", "Rina Wati", "1000000");
        Map<String, UUID> shares = Kub.shares(group, loan);
        BigDecimal cash = Lending.balance(led, "1-1100");

        List<Runnable> order = new ArrayList<>();
        List<CompletableFuture<Http.Answer>> racing = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Map<String, Object> body = i % 3 == 0
                    ? Map.of("amount", "300000", "paidOn", day(0), "for", group.member("Dewi Lestari"))
                    : Map.of("amount", "300000", "paidOn", day(0));
            order.add(() -> racing.add(Http.postAsync(Tokens.clerk(led), group.path() + "/loans/" + loan
                    + "/repayments", body, Map.of())));
            String share = shares.get(i % 2 == 0 ? "Siti Aminah" : "Dewi Lestari").toString();
            order.add(() -> racing.add(Http.postAsync(Tokens.clerk(led), base(led) + "/loans/" + share
                    + "/repayments", Map.of("amount", "200000", "paidOn", day(0)), Map.of())));
        }
        order.forEach(Runnable::run);
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);

        BigDecimal accepted = BigDecimal.ZERO;
        int passed = 0;
        for (CompletableFuture<Http.Answer> future : racing) {
            Http.Answer answer = future.get();
            if (answer.status() == 201) {
                passed++;
                accepted = accepted.add(new BigDecimal(answer.body().path("amount").asText()));
            } else {
                assertEquals(409, answer.status(), answer::toString);
                assertTrue(REFUSALS.contains(answer.text("type")), answer::toString);
            }
        }
        // 8 × 300,000 + 8 × 200,000 = 4,000,000 asked for; the shares owe 3,000,000, all principal:
        // some must be refused, and none may take more than the shares owe.
        assertTrue(passed > 0 && passed < racing.size(), passed + " of " + racing.size() + " payments passed");
        assertTrue(accepted.compareTo(new BigDecimal("3000000")) <= 0, accepted::toPlainString);
        BigDecimal outstanding = BigDecimal.ZERO;
        for (UUID share : shares.values()) {
            BigDecimal owed = Kub.outstanding(led, share);
            assertTrue(owed.signum() >= 0, owed::toPlainString);
            List<String> paid = Lending.schedule(led, share).then().extract().path("installments.paidPrincipal");
            BigDecimal paidPrincipal = paid.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(new BigDecimal("1000000.00").subtract(paidPrincipal), owed);
            outstanding = outstanding.add(owed);
        }
        assertEquals(new BigDecimal("3000000.00").subtract(accepted), outstanding);
        assertEquals(outstanding, Lending.balance(led, "1-1300"));
        assertEquals(cash.add(accepted), Lending.balance(led, "1-1100"));
        assertEquals(Lending.balance(led, "1-1300"), Lending.outstandingAsOf(led, day(0)));
        as(Tokens.auditor(led)).get(base(led) + "/journal/verification").then().statusCode(200)
                .body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void racingGroupPaymentsAndReversalsKeepTheBooksReconciled() throws Exception {
        UUID led = Lending.funded();
        Kub.Group group = Kub.group(led, "KUB Mawar", "Siti Aminah", "Dewi Lestari");
        UUID loan = Kub.disbursed(group, Lending.flatProduct(led), day(-5), "Siti Aminah", "2000000",
                "Dewi Lestari", "1000000");
        Map<String, UUID> shares = Kub.shares(group, loan);
        String first = Kub.repay(group, loan, Map.of("amount", "300000", "paidOn", day(0))).then().statusCode(201)
                .extract().path("id");
        List<CompletableFuture<Http.Answer>> racing = new ArrayList<>();
        racing.add(Http.postAsync(Tokens.manager(led), group.path() + "/loans/" + loan + "/repayments/" + first
                + "/reversal", Map.of("reason", "Transfer ditolak"), Map.of()));
        for (int i = 0; i < 6; i++) {
            racing.add(Http.postAsync(Tokens.clerk(led), i % 2 == 0 ? group.path() + "/loans/" + loan
                    + "/repayments" : base(led) + "/loans/" + shares.get("Dewi Lestari") + "/repayments",
                    Map.of("amount", "150000", "paidOn", day(0)), Map.of()));
        }
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
        for (CompletableFuture<Http.Answer> future : racing) {
            Http.Answer answer = future.get();
            assertTrue(answer.status() == 201 || answer.status() == 409 && Set.of(
                    "urn:lumbung:problem:repayment-not-latest", "urn:lumbung:problem:repayment-exceeds-outstanding")
                    .contains(answer.text("type")), answer::toString);
        }
        BigDecimal outstanding = Kub.outstanding(led, shares.get("Siti Aminah"))
                .add(Kub.outstanding(led, shares.get("Dewi Lestari")));
        assertEquals(outstanding, Lending.balance(led, "1-1300"));
        assertEquals(Lending.balance(led, "1-1300"), Lending.outstandingAsOf(led, day(0)));
    }
}
