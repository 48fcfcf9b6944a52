package id.lumbung.loan;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Many loans' positions are read from their open installments and the loan row's kept principal
 * (LoanPositions' fast path); one loan's from its whole schedule. Over loans of every method, two
 * roundings, penalties charged and accruing, partial, late and early repayments and a reversal,
 * on days from today to far past the last due date, the two readings agree field for field.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LoanPositionsAgreementTest {

    @Inject
    LoanPositions positions;

    @Test
    void theOpenInstallmentsGiveTheSamePositionAsTheWholeSchedule() throws SQLException {
        UUID led = Lending.funded();
        // Half of the loans are disbursed under a 500-rupiah step rounded up.
        Random random = new Random(20261202L);
        List<UUID> products = List.of(
                Lending.product(led, "FLAT", "1.5", "MONTH", "WEEKLY", 12, Map.of("penaltyRatePerDay", "0.1")),
                Lending.product(led, "DECLINING_BALANCE", "18", "YEAR", "MONTHLY", 8,
                        Map.of("penaltyRatePerDay", "0.07")),
                Lending.product(led, "EQUAL_PRINCIPAL", "1.25", "MONTH", "MONTHLY", 6, Map.of()));
        List<UUID> loans = new ArrayList<>();
        for (int k = 0; k < 18; k++) {
            if (k == 9) {
                as(Tokens.manager(led)).body(Map.of("rounding", Map.of("step", "500", "mode", "UP")))
                        .put(base(led) + "/settings/lending").then().statusCode(200);
            }
            UUID loan = Lending.disbursed(led, Lending.member(led, "Anggota " + k), products.get(k % 3),
                    String.valueOf(1_000_000 + 250_000 * random.nextInt(12)), day(-200 + random.nextInt(150)));
            loans.add(loan);
            int payments = random.nextInt(5);
            LocalDate disbursed = LocalDate.parse(Lending.loan(led, loan).then().extract().path("disbursedOn"));
            LocalDate paidOn = disbursed;
            String last = null;
            for (int p = 0; p < payments; p++) {
                paidOn = paidOn.plusDays(5 + random.nextInt(40));
                if (paidOn.isAfter(Lending.today())) {
                    break;
                }
                // Odd amounts: some installments are left partly paid, some paid ahead.
                String amount = String.valueOf(90_000 + 1_000 * random.nextInt(400) + random.nextInt(999));
                var answer = Lending.repay(led, loan, amount, paidOn.toString());
                if (answer.statusCode() == 201) {
                    last = answer.then().extract().path("id");
                }
            }
            if (last != null && k % 4 == 0) {
                Lending.reverseRepayment(led, loan, last, Map.of("reason", "Salah catat", "effectiveDate", day(0)))
                        .then().statusCode(201);
            }
        }
        int penalised = 0;
        int nextDue = 0;
        List<Loan> kept = QuarkusTransaction.requiringNew().call(() -> Loan.list("ledId = ?1", led));
        for (int offset : new int[] {0, 3, 31, 95, 400}) {
            LocalDate on = Lending.today().plusDays(offset);
            Map<UUID, LoanPosition> fast = QuarkusTransaction.requiringNew().call(() -> positions.asOf(led, kept, on));
            try (Connection connection = Db.connect()) {
                for (Loan loan : kept) {
                    LoanPosition whole = positions.current(loan, RepaymentRows.installments(connection, led, loan.id),
                            on);
                    assertEquals(whole, fast.get(loan.id), "loan " + loan.id + " as of " + on);
                    penalised += whole.penaltyDue().isPositive() ? 1 : 0;
                    nextDue += whole.nextDueOn() != null ? 1 : 0;
                }
            }
        }
        assertEquals(18, kept.size());
        // The fixture covers what the fast path leaves out or keeps: accruing penalty and a next installment.
        assertTrue(penalised > 10 && nextDue > 10, penalised + " penalised, " + nextDue + " with one due next");
    }
}
