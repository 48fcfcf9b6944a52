package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * The income statement over a village with every kind of operation: the surplus is income less
 * expenses, each group adds up, each account's line is its movement in the period, the comparative
 * column is the same period a year earlier, and JSON and CSV show the same figures.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class IncomeStatementTest {

    private static Village village;

    @BeforeEach
    void village() {
        if (village == null) {
            village = Village.of("LabaRugi" + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    private String url() {
        return village.base() + "/statements/income-statement";
    }

    private JsonPath statement(String query) {
        return as(Tokens.auditor(village.led)).get(url() + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void overTheWholeHistoryEachLineIsTheAccountsBalanceAndTheSurplusIsIncomeLessExpenses() {
        JsonPath json = statement("?from=" + Village.day(-600) + "&to=" + Village.day(0));
        assertEquals("Laporan Laba Rugi", json.getString("title"));
        assertEquals(Village.day(-600), json.getString("from"));
        int checked = 0;
        for (String section : List.of("income", "expenses")) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Map<String, Object> group : json.<Map<String, Object>>getList(section + ".groups")) {
                BigDecimal lines = BigDecimal.ZERO;
                for (Object l : (List<?>) group.get("lines")) {
                    Map<?, ?> line = (Map<?, ?>) l;
                    lines = lines.add(new BigDecimal((String) line.get("amount")));
                    JsonPath account = as(Tokens.auditor(village.led)).get(village.base() + "/accounts/"
                            + line.get("account")).then().statusCode(200).extract().jsonPath();
                    assertEquals(0, new BigDecimal(account.getString("balance"))
                            .compareTo(new BigDecimal((String) line.get("amount"))), line.toString());
                    checked++;
                }
                BigDecimal total = new BigDecimal((String) ((Map<?, ?>) group.get("total")).get("amount"));
                assertEquals(0, lines.compareTo(total), section + " " + group.get("group"));
                sum = sum.add(total);
            }
            assertEquals(0, sum.compareTo(new BigDecimal(json.getString(section + ".total.amount"))), section);
        }
        assertTrue(checked >= 10, "accounts checked: " + checked);
        BigDecimal income = new BigDecimal(json.getString("income.total.amount"));
        BigDecimal expenses = new BigDecimal(json.getString("expenses.total.amount"));
        assertTrue(income.signum() > 0, "the village collected interest and fees");
        assertTrue(expenses.signum() > 0, "the village paid expenses and provisioned");
        assertEquals(0, income.subtract(expenses).compareTo(new BigDecimal(json.getString("surplus.amount"))));
        // Lending income is operating; recoveries of written-off loans are other income.
        assertTrue(accountsOf(json, "income.groups[0]").containsAll(List.of("4-1100", "4-1200")));
        assertTrue(accountsOf(json, "income.groups[1]").contains("4-1400"));
        assertTrue(accountsOf(json, "expenses.groups[0]").containsAll(List.of("5-1100", "5-1200")));
        assertEquals(List.of("OPERATING_INCOME", "OTHER_INCOME"), json.getList("income.groups.group"));
        assertEquals(List.of("OPERATING_EXPENSE", "OTHER_EXPENSE"), json.getList("expenses.groups.group"));
    }

    @Test
    void theComparativeColumnIsTheSamePeriodAYearEarlier() {
        LocalDate to = LocalDate.parse(Village.day(-30));
        LocalDate from = to.minusMonths(7);
        JsonPath now = statement("?from=" + from + "&to=" + to);
        JsonPath before = statement("?from=" + from.minusYears(1) + "&to=" + to.minusYears(1));
        assertEquals(from.minusYears(1).toString(), now.getString("comparativeFrom"));
        assertEquals(to.minusYears(1).toString(), now.getString("comparativeTo"));
        for (String section : List.of("income", "expenses")) {
            assertEquals(before.getList(section + ".groups.lines.amount"),
                    now.getList(section + ".groups.lines.comparative"), section);
        }
        assertEquals(before.getString("surplus.amount"), now.getString("surplus.comparative"));
    }

    @Test
    void aPeriodShowsOnlyItsOwnMovements() {
        // The village's 150,000.00 adjustment to 5-1100 is dated day -100 and its expense of 350,000.00
        // day -300: a period around the first holds that one only.
        String day = Village.day(-100);
        JsonPath json = statement("?from=" + day + "&to=" + day);
        Map<String, Object> operating = json.<Map<String, Object>>getList("expenses.groups[0].lines").stream()
                .filter(l -> "5-1100".equals(l.get("account"))).findFirst().orElseThrow();
        assertEquals("150000.00", operating.get("amount"));
    }

    @Test
    void csvShowsTheSameFiguresWithAColumnPerPeriod() throws Exception {
        String query = "?from=" + Village.day(-600) + "&to=" + Village.day(0);
        JsonPath json = statement(query);
        String csv = as(Tokens.auditor(village.led)).accept("text/csv").header("Accept-Language", "en")
                .get(url() + query).then().statusCode(200).header("Content-Language", "en")
                .extract().asString();
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv))) {
            rows.add(List.of(record.values()));
        }
        assertTrue(rows.contains(List.of("Code", "Description", Village.day(-600) + " – " + Village.day(0),
                LocalDate.parse(Village.day(-600)).minusYears(1) + " – " + LocalDate.parse(Village.day(0))
                        .minusYears(1))), csv);
        assertTrue(rows.contains(List.of("", "Total Income", json.getString("income.total.amount"),
                json.getString("income.total.comparative"))), csv);
        assertTrue(rows.contains(List.of("", "Total Expenses", json.getString("expenses.total.amount"),
                json.getString("expenses.total.comparative"))), csv);
        assertEquals(List.of("", "Surplus (deficit)", json.getString("surplus.amount"),
                json.getString("surplus.comparative")), rows.get(rows.size() - 1));
        for (Map<String, Object> line : json.<Map<String, Object>>getList("income.groups[0].lines")) {
            assertTrue(rows.contains(List.of((String) line.get("account"), (String) line.get("name"),
                    (String) line.get("amount"), (String) line.get("comparative"))), line.toString());
        }
    }

    @Test
    void theDefaultPeriodIsTheYearToDate() {
        JsonPath json = statement("?to=" + Village.day(-2));
        assertEquals(LocalDate.parse(Village.day(-2)).withDayOfYear(1).toString(), json.getString("from"));
    }

    @Test
    void refusals() {
        as(Tokens.trainer(village.led)).get(url()).then().statusCode(403);
        as(Tokens.manager(Api.createLed())).get(url()).then().statusCode(404);
        as(Tokens.manager(village.led)).get(url() + "?from=" + Village.day(0) + "&to=" + Village.day(-1)).then()
                .statusCode(400).contentType("application/problem+json");
        as(Tokens.manager(village.led)).get(url() + "?format=doc").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static List<String> accountsOf(JsonPath json, String group) {
        return json.getList(group + ".lines.account");
    }
}
