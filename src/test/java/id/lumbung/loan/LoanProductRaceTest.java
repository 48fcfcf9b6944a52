package id.lumbung.loan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Http;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Managers creating a loan product of the same name at the same moment: one gets it, the others 409
 * {@code duplicate-product-name}. Both used to pass the name check, and the loser's insert met the
 * unique index as a 500 (found by GeneratedBadInputTest's concurrent requests).
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LoanProductRaceTest {

    @Test
    void theSameNameAtOnceIsOneProductAndConflicts() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID led = Api.createLed();
            Map<String, Object> body = Map.of("name", "Pinjaman Modal Usaha KUB 2026", "interestMethod", "FLAT",
                    "interestRate", "1.5", "ratePeriod", "MONTH", "frequency", "MONTHLY", "installments", 10,
                    "graceInstallments", 0, "adminFeePercent", "1");
            List<CompletableFuture<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(Http.postAsync(Tokens.manager(led), "/api/v1/leds/" + led + "/loan-products", body,
                        Map.of()));
            }
            int created = 0;
            for (CompletableFuture<Http.Answer> future : answers) {
                Http.Answer answer = future.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
                if (answer.status() == 201) {
                    created++;
                } else {
                    assertEquals(409, answer.status(), answer::toString);
                    assertEquals("urn:lumbung:problem:duplicate-product-name", answer.text("type"));
                }
            }
            assertEquals(1, created, "exactly one of the managers creates the product");
        }
    }
}
