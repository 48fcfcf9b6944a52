package id.lumbung.loan;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.loan.Lending.money;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Writing a loan off (maker–checker above the threshold) and recovering money on it afterwards. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class WriteOffTest {

    private static Response writeOff(String token, UUID led, UUID loan, String on) {
        return as(token).body(Map.of("on", on, "reason", "Usaha tutup, anggota pindah ke luar daerah"))
                .post(base(led) + "/loans/" + loan + "/write-off");
    }

    private static Response recover(UUID led, UUID loan, String amount, String paidOn) {
        return as(Tokens.clerk(led)).body(Map.of("amount", amount, "paidOn", paidOn))
                .post(base(led) + "/loans/" + loan + "/recoveries");
    }

    private static void threshold(UUID led, String amount) {
        as(Tokens.manager(led)).body(Map.of("approvalThreshold", amount)).put(base(led) + "/settings/lending")
                .then().statusCode(200);
    }

    @Test
    void aWriteOffMovesTheOutstandingPrincipalOutOfTheReceivableAndRecoveriesBecomeIncome() {
        UUID led = Lending.funded();
        threshold(led, "50000000");
        UUID siti = Lending.member(led, "Siti Aminah");
        UUID loan = Lending.disbursed(led, siti, Lending.flatProduct(led), "3000000", day(-100));
        Lending.repay(led, loan, "500000", day(-50)).then().statusCode(201);
        String outstanding = Lending.loan(led, loan).then().extract().path("outstandingPrincipal");
        BigDecimal expenseBefore = Lending.balance(led, "5-1200");

        writeOff(Tokens.manager(led), led, loan, day(-10)).then().statusCode(201)
                .body("status", equalTo("COMPLETED"))
                .body("on", equalTo(day(-10)))
                .body("principal", equalTo(outstanding))
                // No provision was booked: the allowance holds nothing, all of it is loan-loss expense.
                .body("fromAllowance", equalTo("0.00"))
                .body("fromExpense", equalTo(outstanding))
                .body("entryId", notNullValue())
                .body("requestedBy", equalTo("manager.siti"))
                .body("decidedBy", equalTo("manager.siti"))
                .body("loan.status", equalTo("WRITTEN_OFF"))
                .body("loan.writtenOffOn", equalTo(day(-10)))
                .body("loan.writtenOffPrincipal", equalTo(outstanding))
                .body("loan.recovered", equalTo("0.00"))
                .body("loan.outstandingPrincipal", equalTo("0.00"));
        assertEquals(new BigDecimal("0.00"), Lending.balance(led, "1-1300"));
        assertEquals(expenseBefore.add(new BigDecimal(outstanding)), Lending.balance(led, "5-1200"));
        // The books and the loan agree on every day, before and after the write-off.
        for (String asOf : List.of(day(-11), day(-10), day(0))) {
            assertEquals(Lending.balanceAsOf(led, "1-1300", asOf), Lending.outstandingAsOf(led, asOf), asOf);
        }
        assertEquals(new BigDecimal(outstanding), Lending.outstandingAsOf(led, day(-11)));
        as(Tokens.auditor(led)).get(base(led) + "/loans/" + loan + "/write-off").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        // The member still shows the loan, written off.
        as(Tokens.manager(led)).get(base(led) + "/members/" + siti).then().statusCode(200)
                .body("loans.status", hasItem("WRITTEN_OFF"));

        // It takes no repayments any more, its repayments stand, and it is not written off twice.
        assertProblem(Lending.repay(led, loan, "1000", day(0)), 409, "loan-status");
        String repayment = as(Tokens.auditor(led)).get(base(led) + "/loans/" + loan + "/repayments").then()
                .extract().path("items[0].id");
        assertProblem(Lending.reverseRepayment(led, loan, repayment, Map.of("reason", "salah")), 409, "loan-status");
        assertProblem(writeOff(Tokens.manager(led), led, loan, day(0)), 409, "loan-status");

        // Recoveries: not before the write-off, never more than was written off.
        assertProblem(recover(led, loan, "1000", day(-11)), 422, "paid-before-write-off", "paidOn");
        BigDecimal written = new BigDecimal(outstanding);
        assertProblem(recover(led, loan, written.add(BigDecimal.ONE).toPlainString(), day(0)), 409,
                "recovery-exceeds-written-off");
        BigDecimal cashBefore = Lending.balance(led, "1-1100");
        recover(led, loan, "250000", day(-5)).then().statusCode(201)
                .body("amount", equalTo("250000.00"))
                .body("account", equalTo("1-1100"))
                .body("recordedBy", equalTo("clerk.budi"))
                .body("loan.recovered", equalTo("250000.00"));
        assertEquals(new BigDecimal("250000.00"), Lending.balance(led, "4-1400"));
        assertEquals(cashBefore.add(new BigDecimal("250000")), Lending.balance(led, "1-1100"));
        String rest = written.subtract(new BigDecimal("250000")).setScale(2).toPlainString();
        assertProblem(recover(led, loan, written.subtract(new BigDecimal("249999")).toPlainString(), day(0)), 409,
                "recovery-exceeds-written-off");
        recover(led, loan, rest, day(0)).then().statusCode(201).body("loan.recovered", equalTo(outstanding));
        assertProblem(recover(led, loan, "1", day(0)), 409, "recovery-exceeds-written-off");
        as(Tokens.auditor(led)).get(base(led) + "/loans/" + loan + "/recoveries").then().statusCode(200)
                .body("items.amount", equalTo(List.of("250000.00", rest)));
        assertEquals(new BigDecimal("0.00"), Lending.balance(led, "1-1300"));

        // Neither entry is reversed through the journal.
        for (String kind : List.of("WRITE_OFF", "RECOVERY")) {
            String entry = as(Tokens.auditor(led)).queryParam("kind", kind).get(base(led) + "/journal-entries")
                    .then().extract().path("items[0].id");
            assertProblem(as(Tokens.manager(led)).body(Map.of("reason", "coba"))
                    .post(base(led) + "/journal-entries/" + entry + "/reversal"), 409, "entry-owned-by-operation");
        }
        as(Tokens.auditor(led)).get(base(led) + "/journal/verification").then().body("valid", equalTo(true));
    }

    @Test
    void theAllowanceCoversWhatItHoldsAndTheRestIsExpense() {
        UUID led = Lending.funded();
        threshold(led, "50000000");
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), Lending.flatProduct(led), "3000000",
                day(-100));
        // About 70 days past due: DALAM_PERHATIAN_KHUSUS under the BANK preset, 5 % of 3,000,000.
        as(Tokens.manager(led)).body(Map.of("asOf", day(-1))).post(base(led) + "/provisions").then()
                .statusCode(201).body("required", equalTo("150000.00"));
        assertEquals(new BigDecimal("150000.00"), Lending.balance(led, "1-1310"));
        writeOff(Tokens.manager(led), led, loan, day(0)).then().statusCode(201)
                .body("principal", equalTo("3000000.00"))
                .body("fromAllowance", equalTo("150000.00"))
                .body("fromExpense", equalTo("2850000.00"));
        assertEquals(new BigDecimal("0.00"), Lending.balance(led, "1-1310"));
        assertEquals(new BigDecimal("3000000.00"), Lending.balance(led, "5-1200"));
        assertEquals(new BigDecimal("0.00"), Lending.balance(led, "1-1300"));
        // The written-off loan needs no allowance any more: a provision today finds nothing to book.
        as(Tokens.manager(led)).body(Map.of("asOf", day(0))).post(base(led) + "/provisions").then()
                .statusCode(201).body("required", equalTo("0.00")).body("entryId", nullValue());
        Lending.loan(led, loan).then().body("kolektibilitas", nullValue());
    }

    @Test
    void aboveTheThresholdASecondManagerCompletesTheWriteOff() {
        UUID led = Lending.funded();
        UUID product = Lending.flatProduct(led);
        UUID loan = Lending.disbursed(led, Lending.member(led, "Dewi Lestari"), product, "3000000", day(-100));
        // Threshold 0 (the default): every write-off waits for a second manager.
        writeOff(Tokens.manager(led), led, loan, day(-1)).then().statusCode(202)
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("principal", equalTo("3000000.00"))
                .body("entryId", nullValue())
                .body("fromAllowance", nullValue());
        assertEquals(new BigDecimal("3000000.00"), Lending.balance(led, "1-1300"));
        Lending.loan(led, loan).then().body("status", equalTo("DISBURSED"));
        assertProblem(writeOff(Tokens.manager(led), led, loan, day(-1)), 409, "write-off-pending");
        assertProblem(as(Tokens.manager(led)).body(Map.of()).post(base(led) + "/loans/" + loan
                + "/write-off/approval"), 403, "approver-is-maker");
        assertProblem(as(Tokens.clerk(led)).body(Map.of()).post(base(led) + "/loans/" + loan
                + "/write-off/approval"), 403, "forbidden");
        // Collected while it waited: what is approved is the principal outstanding then.
        Lending.repay(led, loan, "1000000", day(-1)).then().statusCode(201);
        String outstanding = Lending.loan(led, loan).then().extract().path("outstandingPrincipal");
        String other = Tokens.of("led-manager", "manager.ahmad", List.of(), List.of(led));
        as(other).body(Map.of("note", "Disetujui rapat pengurus")).post(base(led) + "/loans/" + loan
                + "/write-off/approval").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("principal", equalTo(outstanding))
                .body("decidedBy", equalTo("manager.ahmad"))
                .body("decisionNote", equalTo("Disetujui rapat pengurus"))
                .body("loan.status", equalTo("WRITTEN_OFF"));
        assertEquals(new BigDecimal("0.00"), Lending.balance(led, "1-1300"));
        assertProblem(as(other).body(Map.of()).post(base(led) + "/loans/" + loan + "/write-off/approval"), 409,
                "write-off-not-pending");

        // A rejected request leaves the loan running, and it may be asked again.
        UUID second = Lending.disbursed(led, Lending.member(led, "Rina Marlina"), product, "2000000", day(-90));
        writeOff(Tokens.manager(led), led, second, day(0)).then().statusCode(202);
        as(other).body(Map.of("reason", "Anggota berjanji melunasi setelah panen")).post(base(led) + "/loans/"
                + second + "/write-off/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("loan.status", equalTo("DISBURSED"));
        assertProblem(as(other).body(Map.of("reason", "lagi")).post(base(led) + "/loans/" + second
                + "/write-off/rejection"), 409, "write-off-not-pending");
        writeOff(Tokens.manager(led), led, second, day(0)).then().statusCode(202);
    }

    @Test
    void refusedWriteOffsWriteNothing() {
        UUID led = Lending.funded();
        threshold(led, "50000000");
        UUID product = Lending.flatProduct(led);
        UUID siti = Lending.member(led, "Siti Aminah");
        UUID loan = Lending.disbursed(led, siti, product, "3000000", day(-100));
        Lending.repay(led, loan, "500000", day(-20)).then().statusCode(201);
        UUID applied = Lending.approved(led, siti, product, "1000000");
        long before = Lending.rows(led);

        assertProblem(writeOff(Tokens.manager(led), led, loan, day(-21)), 422, "date-before-loan-event", "on");
        assertProblem(writeOff(Tokens.manager(led), led, loan, day(1)), 422, "effective-date-in-future", "on");
        assertProblem(writeOff(Tokens.manager(led), led, applied, day(0)), 409, "loan-status");
        assertProblem(as(Tokens.manager(led)).body(Map.of("on", day(0)))
                .post(base(led) + "/loans/" + loan + "/write-off"), 400, "validation-failed", "reason");
        assertProblem(writeOff(Tokens.clerk(led), led, loan, day(0)), 403, "forbidden");
        assertProblem(recover(led, loan, "1000", day(0)), 409, "loan-status");
        UUID elsewhere = Api.createLed();
        assertProblem(writeOff(Tokens.manager(elsewhere), elsewhere, loan, day(0)), 404, "not-found");
        assertProblem(as(Tokens.auditor(led)).get(base(led) + "/loans/" + loan + "/write-off"), 404, "not-found");
        assertEquals(before, Lending.rows(led));

        // A closed loan has nothing to write off: nothing is due yet, so its principal pays it off.
        UUID small = Lending.disbursed(led, siti, product, "100000", day(-5));
        Lending.repay(led, small, "100000", day(0)).then().statusCode(201).body("loan.status", equalTo("CLOSED"));
        assertProblem(writeOff(Tokens.manager(led), led, small, day(0)), 409, "loan-status");
        assertEquals(money(0), Lending.loan(led, small).then().extract().path("outstandingPrincipal"));
    }
}
