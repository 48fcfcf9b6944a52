package id.lumbung.ledger;

import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** The chart of accounts: extending it, reading it a page at a time, and balances now and as of a day. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class AccountTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    @Test
    void createsAnAccountWithZeroBalances() {
        UUID led = Api.createLed();
        Response created = as(Tokens.manager(led))
                .body(account("5-1400", "Beban Transportasi Lapangan", "EXPENSE"))
                .post(accounts(led));
        assertAccount(created.then().statusCode(201)
                .header("Location", endsWith("/api/v1/leds/" + led + "/accounts/5-1400")));
        assertAccount(as(Tokens.auditor(led)).get(accounts(led) + "/5-1400").then().statusCode(200));
    }

    /** The whole view of a new, unused expense account: nothing more, nothing less. */
    private static void assertAccount(ValidatableResponse account) {
        account.body("$", aMapWithSize(11))
                .body("purpose", nullValue())
                .body("code", equalTo("5-1400"))
                .body("name", equalTo("Beban Transportasi Lapangan"))
                .body("type", equalTo("EXPENSE"))
                .body("normalSide", equalTo("DEBIT"))
                .body("contra", equalTo(false))
                .body("noNegative", equalTo(false))
                .body("parentCode", nullValue())
                .body("debitsPosted", equalTo("0.00"))
                .body("creditsPosted", equalTo("0.00"))
                .body("balance", equalTo("0.00"))
                .body("$", not(hasKey("asOf")));
    }

    @Test
    void groupsAnAccountUnderAParentOfItsType() {
        UUID led = Api.createLed();
        Map<String, Object> child = account("2-1100-0007", "Simpanan Anggota: Siti Aminah", "LIABILITY");
        child.put("parentCode", "2-1100");
        as(Tokens.manager(led)).body(child).post(accounts(led)).then().statusCode(201)
                .body("parentCode", equalTo("2-1100"))
                .body("normalSide", equalTo("CREDIT"));
        as(Tokens.auditor(led)).get(accounts(led) + "/2-1100-0007").then().body("parentCode", equalTo("2-1100"));
        as(Tokens.auditor(led)).queryParam("limit", 500).get(accounts(led)).then()
                .body("items.find { it.code == '2-1100-0007' }.parentCode", equalTo("2-1100"))
                .body("items.find { it.code == '2-1100' }.parentCode", nullValue());
    }

    @Test
    void listsTheChartOrderedByCodeAPageAtATime() {
        UUID led = Api.createLed();
        for (String code : List.of("5-1400", "1-1150", "3-1250")) {
            as(Tokens.manager(led)).body(account(code, "Akun " + code, type(code))).post(accounts(led))
                    .then().statusCode(201);
        }
        List<String> expected = Stream.concat(Stream.of(AccountPurpose.values()).map(AccountPurpose::defaultCode),
                Stream.of("5-1400", "1-1150", "3-1250")).sorted().toList();

        List<String> codes = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = as(Tokens.clerk(led)).queryParam("limit", 5);
            if (after != null) {
                request.queryParam("after", after);
            }
            Response page = request.get(accounts(led));
            page.then().statusCode(200).body("items.size()", lessThanOrEqualTo(5));
            codes.addAll(page.path("items.code"));
            after = page.path("next");
            pages++;
        } while (after != null);
        assertEquals(expected, codes);
        assertEquals((expected.size() + 4) / 5, pages);
    }

    @Test
    void unknownAccountCodeIsNotFound() {
        UUID led = Api.createLed();
        assertProblem(as(Tokens.auditor(led)).get(accounts(led) + "/1-9999"), 404, "not-found");
    }

    @Test
    void refusesAPostingThatTakesANewNoNegativeAccountBelowZero() {
        UUID led = Api.createLed();
        Map<String, Object> pettyCash = account("1-1150", "Kas Kecil Lapangan", "ASSET");
        pettyCash.put("noNegative", true);
        as(Tokens.manager(led)).body(pettyCash).post(accounts(led)).then().statusCode(201)
                .body("noNegative", equalTo(true));

        assertProblem(rejected(() -> as(Tokens.manager(led))
                .body(Api.entry(TODAY.toString(), "5-1100", "1-1150", "0.01")).post(entries(led))),
                409, "insufficient-funds");
        Api.post(led, TODAY.toString(), "1-1150", "3-1200", "100.00");
        assertProblem(rejected(() -> as(Tokens.manager(led))
                .body(Api.entry(TODAY.toString(), "5-1100", "1-1150", "100.01")).post(entries(led))),
                409, "insufficient-funds").body("detail", org.hamcrest.Matchers.containsString("1-1150"));
        as(Tokens.auditor(led)).get(accounts(led) + "/1-1150").then().body("balance", equalTo("100.00"));
        // Exactly to zero is allowed.
        Api.post(led, TODAY.toString(), "5-1100", "1-1150", "100.00");
        as(Tokens.auditor(led)).get(accounts(led) + "/1-1150").then().body("balance", equalTo("0.00"));
    }

    @Test
    void signsEachBalanceByItsNormalSide() {
        UUID led = Api.createLed();
        String today = TODAY.toString();
        // The control accounts (1-1300, 1-1310, 2-1100) move only through their operations: a contra
        // asset of the LED's own stands in for the allowance.
        as(Tokens.manager(led)).body(Map.of("code", "1-1390", "name", "Akumulasi Penyusutan", "type", "ASSET",
                "contra", true)).post(accounts(led)).then().statusCode(201);
        Api.post(led, today, "1-1100", "2-1900", "1000.00");   // a payable: liability
        Api.post(led, today, "1-1100", "4-1100", "300.00");    // interest received: income
        Api.post(led, today, "5-1200", "1-1390", "200.00");    // contra asset
        Api.post(led, today, "5-1100", "1-1400", "50.00");     // receivable credited past zero
        assertBalance(led, "2-1900", "0.00", "1000.00", "1000.00");
        assertBalance(led, "4-1100", "0.00", "300.00", "300.00");
        assertBalance(led, "1-1390", "0.00", "200.00", "200.00");
        assertBalance(led, "5-1200", "200.00", "0.00", "200.00");
        assertBalance(led, "1-1100", "1300.00", "0.00", "1300.00");
        assertBalance(led, "1-1400", "0.00", "50.00", "-50.00");
    }

    @Test
    void answersBalancesAsOfAPastDayIncludingBackDatedEntries() {
        UUID led = Api.createLed();
        Api.post(led, day(-3), "1-1100", "3-1200", "1000.00");
        Api.post(led, day(-1), "5-1100", "1-1100", "300.00");
        Api.post(led, day(0), "1-1100", "3-1200", "50.00");
        // A clerk syncing after days offline: recorded last, effective first.
        Api.post(led, day(-5), "1-1100", "3-1200", "20.00");
        Api.post(led, day(-3), "5-1100", "1-1100", "5.00");

        assertBalanceAsOf(led, day(-6), "0.00", "0.00", "0.00");
        assertBalanceAsOf(led, day(-5), "20.00", "0.00", "20.00");
        assertBalanceAsOf(led, day(-4), "20.00", "0.00", "20.00");
        assertBalanceAsOf(led, day(-3), "1020.00", "5.00", "1015.00");
        assertBalanceAsOf(led, day(-1), "1020.00", "305.00", "715.00");
        assertBalanceAsOf(led, day(0), "1070.00", "305.00", "765.00");
        as(Tokens.auditor(led)).get(accounts(led) + "/1-1100").then().statusCode(200)
                .body("balance", equalTo("765.00")).body("$", not(hasKey("asOf")));
        as(Tokens.auditor(led)).queryParam("asOf", day(-5)).get(accounts(led) + "/3-1200").then()
                .body("balance", equalTo("20.00"));
    }

    private static void assertBalance(UUID led, String code, String debits, String credits, String balance) {
        as(Tokens.auditor(led)).get(accounts(led) + "/" + code).then().statusCode(200)
                .body("debitsPosted", equalTo(debits))
                .body("creditsPosted", equalTo(credits))
                .body("balance", equalTo(balance));
    }

    private static void assertBalanceAsOf(UUID led, String asOf, String debits, String credits, String balance) {
        as(Tokens.auditor(led)).queryParam("asOf", asOf).get(accounts(led) + "/1-1100").then().statusCode(200)
                .body("asOf", equalTo(asOf))
                .body("debitsPosted", equalTo(debits))
                .body("creditsPosted", equalTo(credits))
                .body("balance", equalTo(balance));
    }

    private static String day(int offset) {
        return TODAY.plusDays(offset).toString();
    }

    private static String accounts(UUID led) {
        return "/api/v1/leds/" + led + "/accounts";
    }

    private static String entries(UUID led) {
        return "/api/v1/leds/" + led + "/journal-entries";
    }

    private static String type(String code) {
        return switch (code.charAt(0)) {
            case '1' -> "ASSET";
            case '2' -> "LIABILITY";
            case '3' -> "EQUITY";
            case '4' -> "INCOME";
            default -> "EXPENSE";
        };
    }

    private static Map<String, Object> account(String code, String name, String type) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("code", code);
        account.put("name", name);
        account.put("type", type);
        return account;
    }
}
