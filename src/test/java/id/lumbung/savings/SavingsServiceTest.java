package id.lumbung.savings;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The savings service as other features call it (a SAVINGS_DEPOSIT contribution): inside the
 * caller's transaction, so the deposit commits or rolls back with the caller's own record. And the
 * database's own last lines: movements cannot be changed, balances cannot go below zero.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class SavingsServiceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    @Inject
    SavingsService savings;

    @Test
    void depositJoinsTheCallersTransactionAndRollsBackWithIt() {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    savings.deposit(led, siti, Amount.ofRupiah(50_000), TODAY, null, "clerk.budi");
                    throw new IllegalStateException("the caller's own record failed");
                }));
        assertEquals("the caller's own record failed", failure.getMessage());
        assertEquals(0, Savers.rows(led));
        assertEquals(0, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led));

        MovementView movement = QuarkusTransaction.requiringNew().call(() -> savings.deposit(led, siti,
                Amount.ofRupiah(50_000), TODAY, "  Setoran simpanan pokok  ", "clerk.budi"));
        assertEquals(MovementType.DEPOSIT, movement.type());
        assertEquals("Setoran simpanan pokok", movement.description());
        assertEquals(new BigDecimal("50000.00"), movement.balanceAfter().value());
        assertEquals(new BigDecimal("50000.00"), Savers.controlBalance(led));
        String reference = as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal-entries/"
                + movement.entryId()).then().statusCode(200).extract().path("reference.id");
        assertEquals(movement.id().toString(), reference);
    }

    @Test
    void refusesNonPositiveAmountsAndUnknownMembersBeforeWriting() {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        ApiException zero = assertThrows(ApiException.class,
                () -> savings.deposit(led, siti, Amount.ZERO, TODAY, null, "clerk.budi"));
        assertEquals(ProblemType.VALIDATION_FAILED, zero.type());
        assertEquals("amount", zero.fields().get(0).field());
        ApiException negative = assertThrows(ApiException.class,
                () -> savings.withdraw(led, siti, Amount.ofRupiah(-1), TODAY, null, "clerk.budi"));
        assertEquals(ProblemType.VALIDATION_FAILED, negative.type());
        ApiException stranger = assertThrows(ApiException.class,
                () -> savings.deposit(led, UUID.randomUUID(), Amount.ofRupiah(1000), TODAY, null, "clerk.budi"));
        assertEquals(ProblemType.NOT_FOUND, stranger.type());
        assertEquals(0, Savers.rows(led));
    }

    @Test
    void databaseRefusesToChangeMovementsOrOverdrawABalance() throws SQLException {
        UUID led = Api.createLed();
        UUID siti = Savers.member(led, "Siti Rahmawati");
        Savers.deposited(led, siti, "100000");
        for (String attack : new String[] {
                "UPDATE savings_movement SET amount = 1 WHERE led_id = ?",
                "DELETE FROM savings_movement WHERE led_id = ?",
                "UPDATE member_savings SET balance = -1 WHERE led_id = ?"}) {
            try (Connection connection = Db.connect();
                    PreparedStatement statement = connection.prepareStatement(attack)) {
                statement.setObject(1, led);
                SQLException refused = assertThrows(SQLException.class, statement::executeUpdate, attack);
                assertTrue(refused.getSQLState().equals("42501") || refused.getSQLState().equals("23514"),
                        () -> attack + " failed with " + refused.getSQLState());
            }
        }
        assertEquals(new BigDecimal("100000.00"), Savers.dbBalance(led, siti));
        assertEquals(1, Db.number("SELECT count(*) FROM savings_movement WHERE led_id = ? AND amount = 100000", led));
    }
}
