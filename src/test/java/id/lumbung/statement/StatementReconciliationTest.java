package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import id.lumbung.platform.security.Role;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import id.lumbung.support.Village;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * One village, every statement, every figure tied to the others: on top of the village's grants,
 * contributions, savings, expenses, loans, provision and group loan, a write-off approved, a recovery
 * collected, a repayment reversed, a loan in every kolektibilitas class and a new provision booked.
 * The trial balance balances, the balance sheet balances and its net loans are the portfolio's, the
 * income statement's surplus is the balance sheet's unclosed surplus, the cash flow carries cash and
 * bank from opening to closing, each account's ledger closes at its trial-balance figure, and equity
 * changes close at the balance sheet's equity.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class StatementReconciliationTest {

    @Test
    void everyStatementTiesToTheOthers() {
        Village village = Village.of("Rekon" + UUID.randomUUID().toString().substring(0, 6));
        String base = village.base();
        String second = Tokens.of(Role.LED_MANAGER, "manager.ahmad", List.of(), List.of(village.led));
        as(second).body(Map.of()).post(base + "/loans/" + village.writtenOff + "/write-off/approval").then()
                .statusCode(200);
        as(Tokens.clerk(village.led)).body(Map.of("amount", "100000", "paidOn", Village.day(0)))
                .post(base + "/loans/" + village.writtenOff + "/recoveries").then().statusCode(201);
        as(Tokens.manager(village.led)).body(Map.of("reason", "Transfer ditolak bank")).post(base + "/loans/"
                + village.loan + "/repayments/" + village.repayment + "/reversal").then().statusCode(201);
        // A loan in every kolektibilitas class of the default (BANK) table: monthly loans with nothing paid,
        // disbursed so that their first installment is 0, ~15, ~105, ~135 and ~230 days overdue.
        for (int daysAgo : new int[] {10, 45, 135, 165, 260}) {
            disbursed(village, daysAgo);
        }
        as(Tokens.manager(village.led)).body(Map.of("asOf", Village.day(0))).post(base + "/provisions").then()
                .statusCode(201);
        String today = Village.day(0);
        String whole = "from=" + Village.day(-600) + "&to=" + today;

        JsonPath trial = get(village, "/statements/trial-balance?asOf=" + today);
        assertEquals(trial.getString("totals.debit"), trial.getString("totals.credit"));

        JsonPath sheet = get(village, "/statements/balance-sheet?asOf=" + today);
        assertEquals(sheet.getString("assets.total.amount"), sheet.getString("liabilitiesAndEquity.amount"));
        JsonPath portfolio = get(village, "/portfolio?asOf=" + today);
        assertEquals(List.of("LANCAR", "DALAM_PERHATIAN_KHUSUS", "KURANG_LANCAR", "DIRAGUKAN", "MACET"),
                portfolio.getList("byClass.class"));
        assertTrue(portfolio.<Integer>getList("byClass.loans").stream().allMatch(n -> n > 0),
                portfolio.getList("byClass").toString());
        assertEquals(portfolio.getString("outstandingPrincipal"), sheet.getString("loans.receivable"));
        assertEquals(portfolio.getString("provisionBooked"), sheet.getString("loans.allowance"));
        assertEquals(0, new BigDecimal(sheet.getString("loans.receivable"))
                .subtract(new BigDecimal(sheet.getString("loans.allowance")))
                .compareTo(new BigDecimal(sheet.getString("loans.net"))));

        JsonPath income = get(village, "/statements/income-statement?" + whole);
        assertEquals(sheet.getString("currentYearSurplus.amount"), income.getString("surplus.amount"));
        assertTrue(income.<String>getList("income.groups[1].lines.account").contains("4-1400"));
        assertEquals("100000.00", income.<Map<String, String>>getList("income.groups[1].lines").stream()
                .filter(l -> "4-1400".equals(l.get("account"))).findFirst().orElseThrow().get("amount"));

        JsonPath flow = get(village, "/statements/cash-flow?" + whole);
        BigDecimal cash = new BigDecimal(debit(trial, "1-1100")).add(new BigDecimal(debit(trial, "1-1200")));
        assertEquals(0, cash.compareTo(new BigDecimal(flow.getString("closing.amount"))));
        assertEquals(0, new BigDecimal(flow.getString("opening.amount")).add(new BigDecimal(flow.getString(
                "netChange.amount"))).compareTo(cash));

        for (Map<String, String> line : trial.<Map<String, String>>getList("lines")) {
            JsonPath ledger = get(village, "/accounts/" + line.get("account") + "/ledger?" + whole + "&limit=1");
            BigDecimal net = new BigDecimal(line.get("debit")).subtract(new BigDecimal(line.get("credit")));
            BigDecimal expected = "DEBIT".equals(ledger.getString("account.normalSide")) ? net : net.negate();
            assertEquals(0, expected.compareTo(new BigDecimal(ledger.getString("closing"))), line.get("account"));
        }

        JsonPath equity = get(village, "/statements/equity-changes?" + whole);
        assertEquals(sheet.getString("equity.total.amount"), equity.getString("total.closing"));
        as(Tokens.auditor(village.led)).get(base + "/journal/verification").then().statusCode(200)
                .body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    private static void disbursed(Village village, int daysAgo) {
        String nik = String.format("147101450790%04d", ThreadLocalRandom.current().nextInt(1, 9999));
        String member = as(Tokens.clerk(village.led)).body(Map.of("name", "Peminjam " + daysAgo + " Hari", "nik", nik,
                "gender", "F", "birthDate", "1990-07-05")).post(village.base() + "/members").then().statusCode(201)
                .extract().path("id");
        String loan = as(Tokens.clerk(village.led)).body(Map.of("memberId", member, "productId", village.product,
                "principal", "1000000", "purpose", "Modal dagang")).post(village.base() + "/loans").then()
                .statusCode(201).extract().path("id");
        as(Tokens.manager(village.led)).body(Map.of()).post(village.base() + "/loans/" + loan + "/approval").then()
                .statusCode(200);
        as(Tokens.manager(village.led)).body(Map.of("disbursedOn", Village.day(-daysAgo))).post(village.base()
                + "/loans/" + loan + "/disbursement").then().statusCode(201);
    }

    private static JsonPath get(Village village, String path) {
        return as(Tokens.auditor(village.led)).get(village.base() + path).then().statusCode(200).extract().jsonPath();
    }

    private static String debit(JsonPath trial, String account) {
        return trial.<Map<String, String>>getList("lines").stream().filter(l -> account.equals(l.get("account")))
                .findFirst().orElseThrow().get("debit");
    }
}
