package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import id.lumbung.support.Village;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The cash-flow statement over a village with every kind of operation: opening plus net flow is
 * closing, which is cash and bank as booked; grants and community capital are financing, lending
 * and savings operating (investing by the setting); transfers between cash and bank are no flow; a
 * reversal undoes its flow; CSV shows the same figures.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class CashFlowTest {

    private static Village village;

    @BeforeEach
    void village() {
        if (village == null) {
            village = Village.of("ArusKas" + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    private static String url(UUID led) {
        return "/api/v1/leds/" + led + "/statements/cash-flow";
    }

    private static JsonPath flow(UUID led, String query) {
        return as(Tokens.auditor(led)).get(url(led) + query).then().statusCode(200).extract().jsonPath();
    }

    private static final String WHOLE = "?from=" + Village.day(-600) + "&to=" + Village.day(0);

    @Test
    void openingPlusTheNetFlowIsTheClosingCashAndBankAsBooked() {
        JsonPath json = flow(village.led, WHOLE);
        assertEquals("Laporan Arus Kas", json.getString("title"));
        for (String figure : List.of("amount", "comparative")) {
            BigDecimal net = BigDecimal.ZERO;
            for (Map<String, Object> activity : json.<Map<String, Object>>getList("activities")) {
                BigDecimal sum = BigDecimal.ZERO;
                for (String side : List.of("received", "paid")) {
                    for (Object line : (List<?>) activity.get(side)) {
                        BigDecimal amount = new BigDecimal((String) ((Map<?, ?>) line).get(figure));
                        assertTrue(side.equals("received") ? amount.signum() >= 0 : amount.signum() <= 0, side);
                        sum = sum.add(amount);
                    }
                }
                assertEquals(0, sum.compareTo(new BigDecimal((String) ((Map<?, ?>) activity.get("net")).get(figure))),
                        activity.get("activity") + " " + figure);
                net = net.add(sum);
            }
            assertEquals(0, net.compareTo(new BigDecimal(json.getString("netChange." + figure))), figure);
            assertEquals(0, new BigDecimal(json.getString("opening." + figure)).add(net)
                    .compareTo(new BigDecimal(json.getString("closing." + figure))), figure);
        }
        BigDecimal booked = balance(village.led, "1-1100").add(balance(village.led, "1-1200"));
        assertEquals(0, booked.compareTo(new BigDecimal(json.getString("closing.amount"))));
        // The opening balances (10,000,000 cash and 90,000,000 bank) are the books' first cash, not a flow.
        assertEquals("100000000.00", json.getString("opening.amount"));
        assertEquals(List.of("OPERATING", "INVESTING", "FINANCING"), json.getList("activities.activity"));
    }

    @Test
    void grantsAndCommunityCapitalAreFinancingLendingAndSavingsOperating() {
        JsonPath json = flow(village.led, WHOLE);
        assertEquals("500000000.00", amount(json, 2, "received", "3-1100"));
        assertEquals("2500000.00", amount(json, 2, "received", "3-1200"));
        assertTrue(new BigDecimal(amount(json, 0, "paid", "1-1300")).signum() < 0, "disbursements");
        assertTrue(new BigDecimal(amount(json, 0, "received", "1-1300")).signum() > 0, "principal collected");
        // The village's repayments came a day before their due dates: principal only, no interest yet.
        assertEquals("140000.00", amount(json, 0, "received", "4-1200"), "admin fees");
        assertEquals("60000.00", amount(json, 0, "received", "2-1100"));
        // The 350,000.00 expense and the 150,000.00 adjustment, both paid from cash.
        assertEquals("-500000.00", amount(json, 0, "paid", "5-1100"));
        // The transfer from bank to cash is no flow: neither account appears on a line.
        for (Map<String, Object> activity : json.<Map<String, Object>>getList("activities")) {
            for (String side : List.of("received", "paid")) {
                for (Object line : (List<?>) activity.get(side)) {
                    Object account = ((Map<?, ?>) line).get("account");
                    assertTrue(!"1-1100".equals(account) && !"1-1200".equals(account), line.toString());
                }
            }
        }
    }

    @Test
    void theLendingSettingMovesLoansToInvestingAndNothingElse() {
        JsonPath operating = flow(village.led, WHOLE);
        String manager = Tokens.manager(village.led);
        String settings = village.base() + "/settings/statements";
        as(manager).body(Map.of("lendingCashFlow", "INVESTING")).put(settings).then().statusCode(200);
        try {
            JsonPath investing = flow(village.led, WHOLE);
            assertEquals("INVESTING", investing.getString("lendingCashFlow"));
            assertEquals(amount(operating, 0, "paid", "1-1300"), amount(investing, 1, "paid", "1-1300"));
            assertEquals(amount(operating, 0, "received", "1-1300"), amount(investing, 1, "received", "1-1300"));
            assertTrue(investing.<String>getList("activities[0].paid.account").stream().noneMatch("1-1300"::equals));
            assertEquals(amount(operating, 0, "received", "4-1200"), amount(investing, 0, "received", "4-1200"));
            assertEquals(operating.getString("netChange.amount"), investing.getString("netChange.amount"));
            assertEquals(operating.getString("closing.amount"), investing.getString("closing.amount"));
        } finally {
            as(manager).body(Map.of("lendingCashFlow", "OPERATING")).put(settings).then().statusCode(200);
        }
    }

    @Test
    void aReversalUndoesItsFlowAndAPeriodShowsOnlyItsOwn() {
        UUID led = Api.createLed();
        String today = Village.day(0);
        Api.post(led, Village.day(-3), "1-1200", "3-1100", "2000000.00");
        Api.post(led, Village.day(-3), "1-1100", "3-1100", "500000.00");
        UUID wrong = Api.post(led, today, "1-1100", "4-1900", "100000.00");
        Api.post(led, today, "5-1100", "1-1100", "40000.00");
        as(Tokens.manager(led)).body(Map.of("reason", "Salah catat")).post("/api/v1/leds/" + led
                + "/journal-entries/" + wrong + "/reversal").then().statusCode(201);
        // An LED's own account under Kas is cash too: money into it is a flow, money from Kas into it is not.
        as(Tokens.manager(led)).body(Map.of("code", "1-1101", "name", "Kas Unit Usaha", "type", "ASSET",
                "parentCode", "1-1100")).post("/api/v1/leds/" + led + "/accounts").then().statusCode(201);
        Api.post(led, today, "1-1101", "4-1900", "50000.00");
        Api.post(led, today, "1-1101", "1-1100", "20000.00");
        JsonPath json = flow(led, "?from=" + today + "&to=" + today);
        assertEquals("2500000.00", json.getString("opening.amount"));
        assertEquals(List.of("4-1900"), json.getList("activities[0].received.account"));
        assertEquals("50000.00", amount(json, 0, "received", "4-1900"));
        assertEquals(List.of("5-1100"), json.getList("activities[0].paid.account"));
        assertEquals("-40000.00", amount(json, 0, "paid", "5-1100"));
        assertEquals(List.of(), json.getList("activities[2].received"));
        assertEquals("10000.00", json.getString("netChange.amount"));
        assertEquals("2510000.00", json.getString("closing.amount"));
    }

    @Test
    void csvShowsTheSameFigures() throws Exception {
        JsonPath json = flow(village.led, WHOLE);
        String csv = as(Tokens.auditor(village.led)).header("Accept-Language", "en").get(url(village.led) + WHOLE
                + "&format=csv").then().statusCode(200).header("Content-Disposition", org.hamcrest.Matchers
                        .endsWith("-cash-flow-" + Village.day(-600) + "-" + Village.day(0) + ".csv\"")).extract()
                .asString();
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv))) {
            rows.add(List.of(record.values()));
        }
        assertTrue(rows.contains(List.of("", "Cash and bank at the beginning of the period",
                json.getString("opening.amount"), json.getString("opening.comparative"))), csv);
        assertTrue(rows.contains(List.of("", "Net cash from financing activities",
                json.getString("activities[2].net.amount"), json.getString("activities[2].net.comparative"))), csv);
        assertEquals(List.of("", "Cash and bank at the end of the period", json.getString("closing.amount"),
                json.getString("closing.comparative")), rows.get(rows.size() - 1));
        assertTrue(rows.contains(List.of("3-1100", "Modal Hibah Pemerintah Kabupaten", "500000000.00",
                json.getString("activities[2].received[0].comparative"))), csv);
    }

    @Test
    void refusals() {
        as(Tokens.trainer(village.led)).get(url(village.led)).then().statusCode(403);
        as(Tokens.manager(Api.createLed())).get(url(village.led)).then().statusCode(404);
        as(Tokens.manager(village.led)).get(url(village.led) + "?from=" + Village.day(0) + "&to=" + Village.day(-1))
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static String amount(JsonPath json, int activity, String side, String account) {
        return json.<Map<String, Object>>getList("activities[" + activity + "]." + side).stream()
                .filter(l -> account.equals(l.get("account"))).map(l -> (String) l.get("amount")).findFirst()
                .orElseThrow(() -> new AssertionError(account + " not " + side + " in activity " + activity));
    }

    private static BigDecimal balance(UUID led, String account) {
        return new BigDecimal(as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/" + account).then()
                .statusCode(200).extract().<String>path("balance"));
    }
}
