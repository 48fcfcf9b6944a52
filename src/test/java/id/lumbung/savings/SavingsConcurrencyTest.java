package id.lumbung.savings;

import static id.lumbung.savings.Savers.savings;
import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.Http;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Member savings under concurrent load: racing withdrawals never spend the same rupiah twice, and
 * the sub-ledger (members' balances, their movements) always reconciles with the control account
 * 2-1100 Simpanan Anggota.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class SavingsConcurrencyTest {

    private static final int MEMBERS = 6;
    private static final int OPERATIONS = 360;
    private static final int WAVE = 12;

    @Test
    void tenRacingWithdrawalsOfWhichThreeFitLetExactlyThreeThrough() throws Exception {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        Savers.deposited(led, siti, "300000");
        List<CompletableFuture<Http.Answer>> racing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            racing.add(Http.postAsync(Tokens.clerk(led), savings(led, siti) + "/withdrawals",
                    Savers.withdrawal("100000.00"), Map.of()));
        }
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        List<String> balancesAfter = new ArrayList<>();
        int refused = 0;
        for (CompletableFuture<Http.Answer> future : racing) {
            Http.Answer answer = future.get();
            if (answer.status() == 201) {
                balancesAfter.add(answer.text("balanceAfter"));
            } else {
                assertEquals(409, answer.status(), answer::toString);
                assertEquals("urn:lumbung:problem:insufficient-savings", answer.text("type"), answer::toString);
                refused++;
            }
        }
        assertEquals(3, balancesAfter.size(), () -> "successful withdrawals: " + balancesAfter);
        assertEquals(7, refused);
        assertEquals(List.of("0.00", "100000.00", "200000.00"), balancesAfter.stream().sorted().toList());
        as(Tokens.clerk(led)).get(savings(led, siti)).then().statusCode(200).body("balance", equalTo("0.00"));
        assertEquals(0, Db.number("SELECT count(*) FROM savings_movement WHERE led_id = ? AND balance_after < 0",
                led));
        assertEquals(3, Db.number("SELECT count(*) FROM savings_movement WHERE led_id = ? AND type = 'WITHDRAWAL'",
                led));
        assertEquals(3, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ? AND kind = 'WITHDRAWAL'",
                led));
        assertEquals(0, Savers.controlBalance(led).signum());
        assertEquals(0, Savers.cashBalance(led).signum());
    }

    @Test
    void memberBalancesReconcileWithControlAccountAfterRandomConcurrentMovements() throws Exception {
        UUID led = Api.createLed();
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(Savers.member(led, "Anggota Kuok " + (i + 1)));
        }
        Map<UUID, BigDecimal> expected = new HashMap<>();
        members.forEach(member -> expected.put(member, BigDecimal.ZERO.setScale(2)));
        Random random = new Random(20260307L);
        int withdrawals = 0;
        int refused = 0;
        for (int done = 0; done < OPERATIONS; done += WAVE) {
            List<UUID> who = new ArrayList<>();
            List<Boolean> deposit = new ArrayList<>();
            List<BigDecimal> amounts = new ArrayList<>();
            List<CompletableFuture<Http.Answer>> wave = new ArrayList<>();
            for (int i = 0; i < WAVE; i++) {
                UUID member = members.get(random.nextInt(MEMBERS));
                boolean in = random.nextInt(100) < 55;
                BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(25_000_000), 2);
                String token = random.nextBoolean() ? Tokens.clerk(led) : Tokens.manager(led);
                Map<String, Object> body = in ? Savers.deposit(amount.toPlainString())
                        : Savers.withdrawal(amount.toPlainString());
                who.add(member);
                deposit.add(in);
                amounts.add(amount);
                wave.add(Http.postAsync(token, savings(led, member) + (in ? "/deposits" : "/withdrawals"), body,
                        Map.of()));
            }
            CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            for (int i = 0; i < WAVE; i++) {
                Http.Answer answer = wave.get(i).get();
                if (answer.status() == 201) {
                    expected.merge(who.get(i), deposit.get(i) ? amounts.get(i) : amounts.get(i).negate(),
                            BigDecimal::add);
                    withdrawals += deposit.get(i) ? 0 : 1;
                } else {
                    assertTrue(!deposit.get(i) && answer.status() == 409
                            && "urn:lumbung:problem:insufficient-savings".equals(answer.text("type")),
                            answer::toString);
                    refused++;
                }
            }
        }
        assertTrue(withdrawals > 20 && refused > 5, "the mix should have both; withdrawals " + withdrawals
                + ", refused " + refused);

        BigDecimal sumOfBalances = BigDecimal.ZERO.setScale(2);
        for (UUID member : members) {
            BigDecimal balance = new BigDecimal(as(Tokens.auditor(led)).get(savings(led, member))
                    .then().statusCode(200).extract().<String>path("balance"));
            assertEquals(expected.get(member), balance, () -> "member " + member);
            assertTrue(balance.signum() >= 0);
            sumOfBalances = sumOfBalances.add(balance);
        }
        BigDecimal movements = cents("SELECT sum(CASE type WHEN 'DEPOSIT' THEN amount ELSE -amount END)"
                + " FROM savings_movement WHERE led_id = ?", led);
        BigDecimal subLedger = cents("SELECT sum(balance) FROM member_savings WHERE led_id = ?", led);
        assertEquals(sumOfBalances, Savers.controlBalance(led));
        assertEquals(sumOfBalances, subLedger);
        assertEquals(sumOfBalances, movements);
        // Only savings moved cash in this LED.
        assertEquals(sumOfBalances, Savers.cashBalance(led));

        // Each movement has its own entry, whose reference points back at it, for the same amount.
        long count = Db.number("SELECT count(*) FROM savings_movement WHERE led_id = ?", led);
        assertEquals(count, Db.number("""
                SELECT count(*) FROM savings_movement m
                  JOIN journal_entry e ON e.led_id = m.led_id AND e.id = m.entry_id
                 WHERE m.led_id = ? AND e.reference_type = 'SAVINGS_MOVEMENT' AND e.reference_id = m.id
                   AND e.kind = CASE m.type WHEN 'DEPOSIT' THEN 'SAVINGS_DEPOSIT' ELSE 'WITHDRAWAL' END
                   AND (SELECT sum(p.amount) FROM posting p WHERE p.led_id = e.led_id AND p.entry_id = e.id
                           AND p.side = 'DEBIT') = m.amount""", led));
        assertEquals(count, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led));
        // The passbook's running balance follows the movements in id order: the row lock's order.
        assertEquals(0, Db.number("""
                SELECT count(*) FROM (
                    SELECT balance_after, sum(CASE type WHEN 'DEPOSIT' THEN amount ELSE -amount END)
                               OVER (PARTITION BY member_id ORDER BY id) AS running
                      FROM savings_movement WHERE led_id = ?) m
                 WHERE balance_after <> running OR running < 0""", led));
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal/verification").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", equalTo((int) count));
    }

    private static BigDecimal cents(String sql, UUID led) {
        return BigDecimal.valueOf(Db.number("SELECT (coalesce((" + sql + "), 0) * 100)::bigint", led), 2);
    }
}
