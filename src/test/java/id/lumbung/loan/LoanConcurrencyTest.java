package id.lumbung.loan;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * Loans under racing requests and random histories: nothing is over-allocated, cash never goes
 * below zero, and the receivable and income accounts always equal what the loans say.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LoanConcurrencyTest {

    @Test
    void racingRepaymentsOfOneLoanNeverOverAllocate() throws Exception {
        UUID led = Lending.funded();
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                day(-40));
        List<CompletableFuture<Http.Answer>> racing = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            racing.add(Http.postAsync(Tokens.clerk(led), base(led) + "/loans/" + loan + "/repayments",
                    Map.of("amount", "400000", "paidOn", day(0)), Map.of()));
        }
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        BigDecimal principal = BigDecimal.ZERO;
        int passed = 0;
        for (CompletableFuture<Http.Answer> future : racing) {
            Http.Answer answer = future.get();
            if (answer.status() == 201) {
                passed++;
                principal = principal.add(new BigDecimal(answer.body().path("allocation").path("principal").asText()));
            } else {
                assertEquals(409, answer.status(), answer::toString);
                assertTrue(Set.of("urn:lumbung:problem:repayment-exceeds-outstanding",
                        "urn:lumbung:problem:loan-status").contains(answer.text("type")), answer::toString);
            }
        }
        // 3,000,000 principal + 45,000 interest + some penalty is owed: seven payments of 400,000 fit, not eight.
        assertEquals(7, passed);
        BigDecimal outstanding = new BigDecimal(Lending.loan(led, loan).then().extract().<String>path(
                "outstandingPrincipal"));
        assertEquals(new BigDecimal("3000000.00").subtract(principal), outstanding);
        assertEquals(outstanding, Lending.balance(led, "1-1300"));
        List<Integer> sequences = as(Tokens.auditor(led)).get(base(led) + "/loans/" + loan + "/repayments").then()
                .extract().path("items.sequence");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), sequences);
    }

    @Test
    void racingDisbursementsNeverOverdrawTheBank() throws Exception {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("source", "APBD Kabupaten Kampar 2026", "decreeNumber", "SK 9",
                "amount", "10000000", "receivedOn", day(-10))).post(base(led) + "/grants").then().statusCode(201);
        UUID product = Lending.flatProduct(led);
        List<UUID> loans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            loans.add(Lending.approved(led, Lending.member(led, "Anggota " + i), product, "3000000"));
        }
        List<CompletableFuture<Http.Answer>> racing = new ArrayList<>();
        for (UUID loan : loans) {
            racing.add(Http.postAsync(Tokens.manager(led), base(led) + "/loans/" + loan + "/disbursement",
                    Map.of("disbursedOn", day(0)), Map.of()));
        }
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        long passed = 0;
        for (CompletableFuture<Http.Answer> future : racing) {
            Http.Answer answer = future.get();
            if (answer.status() == 201) {
                passed++;
            } else {
                assertEquals("urn:lumbung:problem:insufficient-funds", answer.text("type"), answer::toString);
            }
        }
        assertEquals(3, passed);
        assertEquals(new BigDecimal("1000000.00"), Lending.balance(led, "1-1200"));
        assertEquals(new BigDecimal("9000000.00"), Lending.balance(led, "1-1300"));
        assertEquals(3, as(Tokens.auditor(led)).queryParam("status", "DISBURSED").get(base(led) + "/loans").then()
                .extract().<List<?>>path("items").size());
    }

    /**
     * Random histories over loans of every method: on-time, late, partial, prepaying and
     * back-dated repayments, reversals of the latest, and reschedules (after which repayments dated
     * before the reschedule are refused and earlier ones stay). After each history the receivable equals
     * the loans' outstanding principal (today and as of past days), and the income accounts equal
     * what the standing repayments allocated.
     */
    @Test
    void randomHistoriesKeepTheBooksAndTheLoansReconciled() {
        Random random = new Random(20261201);
        UUID led = Lending.funded();
        List<UUID> products = List.of(Lending.flatProduct(led),
                Lending.product(led, "DECLINING_BALANCE", "24", "YEAR", "MONTHLY", 8, Map.of("penaltyRatePerDay",
                        "0.05")),
                Lending.product(led, "EQUAL_PRINCIPAL", "2", "MONTH", "WEEKLY", 12, Map.of("penaltyRatePerDay",
                        "0.2", "graceInstallments", 2)));
        List<UUID> loans = new ArrayList<>();
        LocalDate today = Lending.today();
        as(Tokens.manager(led)).body(Map.of("approvalThreshold", "50000000")).put(base(led) + "/settings/lending")
                .then().statusCode(200);
        for (int i = 0; i < 6; i++) {
            int start = 60 + random.nextInt(200);
            loans.add(Lending.disbursed(led, Lending.member(led, "Anggota " + i), products.get(i % 3),
                    Lending.money(500000 + random.nextInt(40) * 100000), day(-start)));
            LocalDate on = today.minusDays(start);
            LocalDate latest = on;
            List<String> standing = new ArrayList<>();
            for (int step = 0; step < 8; step++) {
                on = on.plusDays(random.nextInt(30));
                LocalDate paidOn = on.isAfter(today) ? today : on;
                if (random.nextInt(5) == 0 && !paidOn.equals(today)) {
                    paidOn = paidOn.minusDays(random.nextInt(20)); // synced late, paid earlier
                }
                if (step == 4 && random.nextInt(3) > 0) {
                    LocalDate from = latest.plusDays(random.nextInt(15));
                    Map<String, Object> terms = new java.util.HashMap<>(Map.of("on", (from.isAfter(today) ? today
                            : from).toString(), "installments", 3 + random.nextInt(10), "graceInstallments",
                            random.nextInt(2), "reason", "Restrukturisasi"));
                    if (random.nextBoolean()) {
                        terms.put("interestRate", "0.5");
                    }
                    var answer = as(Tokens.manager(led)).body(terms).post(base(led) + "/loans/" + loans.get(i)
                            + "/reschedule");
                    if (answer.statusCode() == 201) {
                        standing.clear(); // what stood before the reschedule stays
                        latest = LocalDate.parse((String) terms.get("on"));
                    } else {
                        assertTrue(answer.statusCode() == 409, answer::asString);
                    }
                    continue;
                }
                if (!standing.isEmpty() && random.nextInt(4) == 0) {
                    Lending.reverseRepayment(led, loans.get(i), standing.remove(standing.size() - 1),
                            Map.of("reason", "Transfer ditolak")).then().statusCode(201);
                    latest = today;
                    continue;
                }
                String amount = Lending.money(10000 + random.nextInt(60) * 10000);
                LocalDate dated = paidOn.isBefore(today.minusDays(start)) ? today.minusDays(start) : paidOn;
                var answer = Lending.repay(led, loans.get(i), amount, dated.toString());
                if (answer.statusCode() == 201) {
                    standing.add(answer.path("id"));
                    latest = dated.isAfter(latest) ? dated : latest;
                } else {
                    assertTrue(answer.statusCode() == 409 || answer.statusCode() == 422, answer::asString);
                }
            }
        }
        // Every other loan still running is written off today, and some are partly recovered.
        as(Tokens.manager(led)).body(Map.of("approvalThreshold", "100000000")).put(base(led) + "/settings/lending")
                .then().statusCode(200);
        BigDecimal recovered = BigDecimal.ZERO;
        List<UUID> writtenOff = new ArrayList<>();
        for (int i = 0; i < loans.size(); i += 2) {
            var writeOff = as(Tokens.manager(led)).body(Map.of("on", today.toString(), "reason", "Macet"))
                    .post(base(led) + "/loans/" + loans.get(i) + "/write-off");
            if (writeOff.statusCode() != 201) {
                assertEquals("urn:lumbung:problem:loan-status", writeOff.path("type"), writeOff::asString);
                continue;
            }
            writtenOff.add(loans.get(i));
            BigDecimal principal = new BigDecimal(writeOff.<String>path("principal"));
            BigDecimal part = principal.divide(BigDecimal.valueOf(2 + random.nextInt(3)), 0, RoundingMode.DOWN);
            if (part.signum() > 0) {
                as(Tokens.clerk(led)).body(Map.of("amount", part.toPlainString(), "paidOn", today.toString()))
                        .post(base(led) + "/loans/" + loans.get(i) + "/recoveries").then().statusCode(201);
                recovered = recovered.add(part);
            }
        }
        assertEquals(recovered.setScale(2), Lending.balance(led, "4-1400"));
        assertEquals(Lending.balance(led, "1-1300"), Lending.outstandingAsOf(led, today.toString()));
        for (int back = 0; back <= 270; back += 9) {
            String asOf = today.minusDays(back).toString();
            assertEquals(Lending.balanceAsOf(led, "1-1300", asOf), Lending.outstandingAsOf(led, asOf),
                    "1-1300 against the loans as of " + asOf);
        }
        BigDecimal interest = BigDecimal.ZERO;
        BigDecimal penalty = BigDecimal.ZERO;
        for (UUID loan : loans) {
            List<Map<String, Object>> items = as(Tokens.auditor(led)).queryParam("limit", 500)
                    .get(base(led) + "/loans/" + loan + "/repayments").then().extract().path("items");
            for (Map<String, Object> item : items) {
                if (item.get("reversedBy") == null) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> allocation = (Map<String, String>) item.get("allocation");
                    interest = interest.add(new BigDecimal(allocation.get("interest")));
                    penalty = penalty.add(new BigDecimal(allocation.get("penalty")));
                }
            }
            // The current schedule version's unpaid principal (all of it for a loan never rescheduled).
            List<String> paidPrincipal = Lending.schedule(led, loan).then().extract().path(
                    "installments.paidPrincipal");
            BigDecimal paid = paidPrincipal.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal scheduled = new BigDecimal(Lending.schedule(led, loan).then().extract()
                    .<String>path("totals.principal"));
            BigDecimal owed = scheduled.subtract(paid).setScale(2);
            Lending.loan(led, loan).then().body("outstandingPrincipal", org.hamcrest.Matchers.equalTo(
                    writtenOff.contains(loan) ? "0.00" : owed.toPlainString()));
            if (writtenOff.contains(loan)) {
                Lending.loan(led, loan).then().body("writtenOffPrincipal",
                        org.hamcrest.Matchers.equalTo(owed.toPlainString()));
            }
        }
        assertTrue(Db.number("SELECT count(*) FROM loan_schedule_version WHERE led_id = ?", led) >= 2,
                "the histories include reschedules");
        assertEquals(interest.setScale(2), Lending.balance(led, "4-1100"));
        assertEquals(penalty.setScale(2), Lending.balance(led, "4-1300"));
        as(Tokens.auditor(led)).get(base(led) + "/journal/verification").then().statusCode(200)
                .body("valid", org.hamcrest.Matchers.equalTo(true));
    }
}
