package id.lumbung.statement;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import io.restassured.response.Response;

/**
 * The trial balance over a village with every kind of operation: totals equal, each line equal to
 * the account's own balance, the same figures in JSON and CSV, in both languages, and the refusals.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class TrialBalanceTest {

    private static Village village;

    @BeforeEach
    void village() {
        if (village == null) {
            village = Village.of("Neraca" + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    private String url() {
        return village.base() + "/statements/trial-balance";
    }

    @Test
    void totalsAreEqualAndEachLineIsTheAccountsBalance() {
        Response json = as(Tokens.auditor(village.led)).get(url());
        json.then().statusCode(200).header("Content-Language", "id").header("Vary", "Accept, Accept-Language");
        List<Map<String, String>> lines = json.path("lines");
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (Map<String, String> line : lines) {
            debit = debit.add(new BigDecimal(line.get("debit")));
            credit = credit.add(new BigDecimal(line.get("credit")));
            assertTrue(new BigDecimal(line.get("debit")).signum() == 0
                    || new BigDecimal(line.get("credit")).signum() == 0, line.get("account"));
            Response account = as(Tokens.auditor(village.led)).get(village.base() + "/accounts/" + line.get("account"));
            account.then().statusCode(200);
            String balance = account.path("balance");
            String side = account.path("normalSide");
            BigDecimal net = new BigDecimal(line.get("debit")).subtract(new BigDecimal(line.get("credit")));
            assertEquals(0, (side.equals("DEBIT") ? net : net.negate()).compareTo(new BigDecimal(balance)),
                    line.get("account"));
        }
        assertEquals(0, debit.compareTo(new BigDecimal(json.<String>path("totals.debit"))));
        assertEquals(0, credit.compareTo(new BigDecimal(json.<String>path("totals.credit"))));
        assertEquals(0, debit.compareTo(credit));
        assertTrue(debit.signum() > 0);
        assertEquals("Neraca Saldo", json.<String>path("title"));
        assertEquals("Kuok", json.<String>path("led.village"));
        assertEquals(64, json.<String>path("chainHead.hash").length());
        assertEquals(json.<Integer>path("chainHead.number"), json.<Integer>path("entryCount"));
        assertTrue(json.<Integer>path("entryCount") > 0);
    }

    @Test
    void csvShowsTheSameFiguresWithTheHeaderAndCrlf() throws Exception {
        Response json = as(Tokens.manager(village.led)).get(url() + "?asOf=" + Village.day(-1));
        Response csv = as(Tokens.manager(village.led)).accept("text/csv").header("Accept-Language", "en")
                .get(url() + "?asOf=" + Village.day(-1));
        csv.then().statusCode(200).contentType("text/csv; charset=UTF-8").header("Content-Language", "en")
                .header("Content-Disposition", org.hamcrest.Matchers.matchesPattern(
                        "attachment; filename=\"[0-9a-f]{8}-trial-balance-" + Village.day(-1) + "\\.csv\""));
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n"));
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertEquals(List.of("Title", "Trial Balance"), List.of(records.get(1).values()));
        int tableStart = 0;
        while (records.get(tableStart).size() > 1 || !records.get(tableStart).get(0).isEmpty()) {
            tableStart++;
        }
        assertEquals(List.of("Account", "Account name", "Type", "Debit", "Credit"),
                List.of(records.get(tableStart + 1).values()));
        List<Map<String, String>> lines = json.path("lines");
        for (int i = 0; i < lines.size(); i++) {
            CSVRecord row = records.get(tableStart + 2 + i);
            assertEquals(lines.get(i).get("account"), row.get(0));
            assertEquals(lines.get(i).get("debit"), row.get(3));
            assertEquals(lines.get(i).get("credit"), row.get(4));
        }
        CSVRecord total = records.get(tableStart + 2 + lines.size());
        assertEquals("Total", total.get(1));
        assertEquals(json.<String>path("totals.debit"), total.get(3));
        // The same through ?format= (plain links) and in Indonesian.
        String indonesian = as(Tokens.manager(village.led)).accept("*/*").get(url() + "?format=csv&asOf="
                + Village.day(-1)).then().statusCode(200).extract().asString();
        assertTrue(indonesian.contains("Judul,Neraca Saldo\r\n"), indonesian);
        assertTrue(indonesian.contains("Akun,Nama Akun,Jenis,Debit,Kredit\r\n"), indonesian);
    }

    @Test
    void aFormulaInAnAccountNameIsPrintedAsText() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("code", "5-1901", "name", "=HYPERLINK(\"http://x\")", "type", "EXPENSE"))
                .post("/api/v1/leds/" + led + "/accounts").then().statusCode(201);
        String csv = as(Tokens.manager(led)).get("/api/v1/leds/" + led + "/statements/trial-balance?format=csv")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("5-1901,\"'=HYPERLINK(\"\"http://x\"\")\""), csv);
        assertFalse(csv.contains(",=HYPERLINK"), csv);
    }

    @Test
    void refusals() {
        as(Tokens.trainer(village.led)).get(url()).then().statusCode(403);
        as(Tokens.manager(Api.createLed())).get(url()).then().statusCode(404);
        as(Tokens.manager(village.led)).accept("application/xml").get(url()).then().statusCode(406)
                .contentType("application/problem+json");
        as(Tokens.manager(village.led)).get(url() + "?format=xls").then().statusCode(400)
                .contentType("application/problem+json");
        // A malformed Accept-Language is answered in Indonesian, not refused.
        as(Tokens.manager(village.led)).header("Accept-Language", "!!;q=x").get(url()).then().statusCode(200)
                .header("Content-Language", "id");
    }
}
