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
import io.restassured.response.Response;

/**
 * The cash book (buku kas) over a village: one book of cash and bank whose closing is the two
 * accounts' balances together, a transfer between them as two lines netting to zero, pages that
 * stitch, an account below cash included, CSV with the same figures, and the refusals.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class CashBookTest {

    private static Village village;

    @BeforeEach
    void village() {
        if (village == null) {
            village = Village.of("Kas" + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    private static String url(UUID led) {
        return "/api/v1/leds/" + led + "/statements/cash-book";
    }

    private static Response book(UUID led, String query) {
        Response response = as(Tokens.auditor(led)).get(url(led) + "?" + query);
        response.then().statusCode(200).contentType("application/json");
        return response;
    }

    private static BigDecimal balance(UUID led, String code, String asOf) {
        return new BigDecimal(as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/" + code + "?asOf="
                + asOf).then().statusCode(200).extract().<String>path("balance"));
    }

    private BigDecimal cashAndBank(String asOf) {
        return balance(village.led, "1-1100", asOf).add(balance(village.led, "1-1200", asOf));
    }

    @Test
    void closingIsCashPlusBankAndTheLinesAddUp() {
        for (String[] range : List.of(new String[] {Village.day(-600), Village.day(0)},
                new String[] {Village.day(-350), Village.day(-100)})) {
            Response json = book(village.led, "from=" + range[0] + "&to=" + range[1] + "&limit=500");
            BigDecimal opening = new BigDecimal(json.<String>path("opening"));
            assertEquals(0, cashAndBank(LocalDate.parse(range[0]).minusDays(1).toString()).compareTo(opening));
            BigDecimal closing = new BigDecimal(json.<String>path("closing"));
            assertEquals(0, cashAndBank(range[1]).compareTo(closing), "closing " + range[1]);
            BigDecimal running = opening;
            for (Map<String, Object> line : json.<List<Map<String, Object>>>path("lines")) {
                running = running.add(new BigDecimal((String) line.get("debit")))
                        .subtract(new BigDecimal((String) line.get("credit")));
                assertEquals(0, running.compareTo(new BigDecimal((String) line.get("balance"))), line.toString());
                @SuppressWarnings("unchecked")
                Map<String, Object> account = (Map<String, Object>) line.get("account");
                assertTrue(List.of("1-1100", "1-1200").contains(account.get("code")), line.toString());
            }
            assertEquals(0, running.compareTo(closing));
        }
        Response json = book(village.led, "from=" + Village.day(-600) + "&to=" + Village.day(0) + "&limit=500");
        assertEquals("cash-book", json.<String>path("statement"));
        assertEquals("Buku Kas", json.<String>path("title"));
        assertEquals(List.of("1-1100", "1-1200"), json.<List<String>>path("accounts.code"));
    }

    @Test
    void aTransferBetweenCashAndBankIsTwoLinesThatNetToZero() {
        Response json = book(village.led, "from=" + Village.day(-300) + "&to=" + Village.day(-300) + "&limit=500");
        List<Map<String, Object>> transfer = new ArrayList<>();
        for (Map<String, Object> line : json.<List<Map<String, Object>>>path("lines")) {
            if ("TRANSFER".equals(line.get("kind"))) {
                transfer.add(line);
            }
        }
        assertEquals(2, transfer.size(), transfer.toString());
        assertEquals(transfer.get(0).get("entryId"), transfer.get(1).get("entryId"));
        BigDecimal net = BigDecimal.ZERO;
        for (Map<String, Object> line : transfer) {
            net = net.add(new BigDecimal((String) line.get("debit"))).subtract(new BigDecimal((String) line.get(
                    "credit")));
            @SuppressWarnings("unchecked")
            Map<String, Object> account = (Map<String, Object>) line.get("account");
            String other = account.get("code").equals("1-1100") ? "1-1200" : "1-1100";
            assertEquals(List.of(other), ((List<?>) line.get("counterAccounts")).stream()
                    .map(c -> ((Map<?, ?>) c).get("code")).toList());
        }
        assertEquals(0, net.signum());
        assertEquals("5000000.00", transfer.stream().filter(l -> ((Map<?, ?>) l.get("account")).get("code")
                .equals("1-1100")).findFirst().orElseThrow().get("debit"));
    }

    @Test
    void pagesStitchIntoTheSinglePageBook() {
        String range = "from=" + Village.day(-600) + "&to=" + Village.day(0);
        Response single = book(village.led, range + "&limit=500");
        List<Map<String, Object>> stitched = new ArrayList<>();
        String expectedOpening = single.path("opening");
        String after = null;
        int pages = 0;
        do {
            Response page = book(village.led, range + "&limit=4" + (after == null ? "" : "&after=" + after));
            assertEquals(expectedOpening, page.<String>path("opening"));
            assertEquals(single.<String>path("closing"), page.<String>path("closing"));
            List<Map<String, Object>> lines = page.path("lines");
            stitched.addAll(lines);
            if (!lines.isEmpty()) {
                expectedOpening = (String) lines.get(lines.size() - 1).get("balance");
            }
            after = page.path("next");
            pages++;
        } while (after != null);
        assertEquals(single.<List<Map<String, Object>>>path("lines"), stitched);
        assertTrue(pages > 2, "pages " + pages);
    }

    @Test
    void anAccountBelowCashIsInTheBook() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("code", "1-1110", "name", "Kas Kecil", "type", "ASSET", "parentCode",
                "1-1100")).post("/api/v1/leds/" + led + "/accounts").then().statusCode(201);
        Api.post(led, Village.day(-3), "1-1100", "3-1200", "1000000.00");
        Api.post(led, Village.day(-2), "1-1110", "1-1100", "250000.00");
        Api.post(led, Village.day(-1), "5-1100", "1-1110", "40000.00");
        String range = "from=" + Village.day(-3) + "&to=" + Village.day(0);
        Response json = book(led, range);
        assertEquals(List.of("1-1100", "1-1110", "1-1200"), json.<List<String>>path("accounts.code"));
        assertEquals(List.of("1-1100", "1-1110", "1-1100", "1-1110"), json.<List<String>>path("lines.account.code"));
        assertEquals(List.of("1000000.00", "1250000.00", "1000000.00", "960000.00"),
                json.<List<String>>path("lines.balance"));
        assertEquals("0.00", json.<String>path("opening"));
        assertEquals("960000.00", json.<String>path("closing"));
    }

    @Test
    void csvShowsTheWholeBookWithTheSameFigures() throws Exception {
        String range = "from=" + Village.day(-600) + "&to=" + Village.day(0);
        Response json = book(village.led, range + "&limit=500");
        String csv = as(Tokens.auditor(village.led)).get(url(village.led) + "?format=csv&limit=1&" + range).then()
                .statusCode(200).contentType("text/csv; charset=UTF-8").extract().asString();
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        int table = 0;
        while (records.get(table).size() > 1 || !records.get(table).get(0).isEmpty()) {
            table++;
        }
        assertEquals(List.of("Tanggal", "No. Entri", "Akun Kas/Bank", "Keterangan", "Akun Lawan", "Debit", "Kredit",
                "Saldo"), List.of(records.get(table + 1).values()));
        assertEquals(List.of("Saldo Awal", json.<String>path("opening")),
                List.of(records.get(table + 2).get(3), records.get(table + 2).get(7)));
        List<Map<String, Object>> lines = json.path("lines");
        for (int i = 0; i < lines.size(); i++) {
            CSVRecord row = records.get(table + 3 + i);
            Map<String, Object> line = lines.get(i);
            assertEquals(List.of(String.valueOf(line.get("entryNumber")), ((Map<?, ?>) line.get("account")).get("code"),
                    line.get("debit"), line.get("credit"), line.get("balance")),
                    List.of(row.get(1), row.get(2), row.get(5), row.get(6), row.get(7)));
        }
        CSVRecord closing = records.get(table + 3 + lines.size());
        assertEquals(List.of("Saldo Akhir", json.<String>path("closing")), List.of(closing.get(3), closing.get(7)));
    }

    @Test
    void refusals() {
        as(Tokens.trainer(village.led)).get(url(village.led)).then().statusCode(403);
        as(Tokens.manager(Api.createLed())).get(url(village.led)).then().statusCode(404);
        as(Tokens.auditor(village.led)).get(url(village.led) + "?from=2026-02-01&to=2026-01-31").then()
                .statusCode(400).contentType("application/problem+json");
        as(Tokens.auditor(village.led)).get(url(village.led) + "?limit=0").then().statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.auditor(village.led)).get(url(village.led) + "?after=MTI").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
