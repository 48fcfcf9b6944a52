package id.lumbung.loan;

import static id.lumbung.support.Api.as;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.Tokens;
import io.restassured.response.Response;

/** Fixtures for loan tests: an LED with grant money in the bank, products, members and loans, all through the API. */
public final class Lending {

    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private Lending() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Jakarta"));
    }

    public static String day(int offset) {
        return today().plusDays(offset).toString();
    }

    public static String base(UUID led) {
        return "/api/v1/leds/" + led;
    }

    /** A fresh LED whose bank holds a district grant of 500,000,000 received a year ago. */
    public static UUID funded() {
        UUID led = Api.createLed();
        as(Tokens.manager(led)).body(Map.of("source", "APBD Kabupaten Kampar 2026", "decreeNumber", "SK 412/2026",
                "amount", "500000000", "receivedOn", day(-400)))
                .post(base(led) + "/grants").then().statusCode(201);
        return led;
    }

    public static UUID member(UUID led, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("nik", String.format("140601450790%04d", 1 + SERIAL.getAndIncrement() % 9999));
        body.put("gender", "F");
        body.put("birthDate", "1990-07-05");
        return UUID.fromString(as(Tokens.clerk(led)).body(body).post(base(led) + "/members")
                .then().statusCode(201).extract().path("id"));
    }

    /** A product; {@code extra} may add penalty, bounds or grace. */
    public static UUID product(UUID led, String method, String rate, String period, String frequency, int installments,
            Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Produk " + SERIAL.getAndIncrement(),
                "interestMethod", method, "interestRate", rate, "ratePeriod", period, "frequency", frequency,
                "installments", installments, "graceInstallments", 0, "adminFeePercent", "1"));
        body.putAll(extra);
        return UUID.fromString(as(Tokens.manager(led)).body(body).post(base(led) + "/loan-products")
                .then().statusCode(201).extract().path("id"));
    }

    /** The FLAT product of the example: 1.5 % per month, 10 monthly, 1 % fee, 0.1 %/day penalty. */
    public static UUID flatProduct(UUID led) {
        return product(led, "FLAT", "1.5", "MONTH", "MONTHLY", 10, Map.of("penaltyRatePerDay", "0.1"));
    }

    public static Response apply(String token, UUID led, UUID member, UUID product, String principal) {
        return as(token).body(Map.of("memberId", member, "productId", product, "principal", principal,
                "purpose", "Modal usaha kerupuk sagu")).post(base(led) + "/loans");
    }

    /** Applied by the clerk and approved by the manager (two people). */
    public static UUID approved(UUID led, UUID member, UUID product, String principal) {
        UUID loan = UUID.fromString(apply(Tokens.clerk(led), led, member, product, principal).then().statusCode(201)
                .extract().path("id"));
        as(Tokens.manager(led)).body(Map.of()).post(base(led) + "/loans/" + loan + "/approval").then()
                .statusCode(200);
        return loan;
    }

    public static Response disburse(UUID led, UUID loan, String on) {
        return as(Tokens.manager(led)).body(Map.of("disbursedOn", on)).post(base(led) + "/loans/" + loan
                + "/disbursement");
    }

    public static UUID disbursed(UUID led, UUID member, UUID product, String principal, String on) {
        UUID loan = approved(led, member, product, principal);
        disburse(led, loan, on).then().statusCode(201);
        return loan;
    }

    public static Response repay(UUID led, UUID loan, String amount, String paidOn) {
        return as(Tokens.clerk(led)).body(Map.of("amount", amount, "paidOn", paidOn))
                .post(base(led) + "/loans/" + loan + "/repayments");
    }

    public static Response reverseRepayment(UUID led, UUID loan, String repayment, Map<String, Object> body) {
        return as(Tokens.manager(led)).body(body).post(base(led) + "/loans/" + loan + "/repayments/" + repayment
                + "/reversal");
    }

    public static Response loan(UUID led, UUID loan) {
        return as(Tokens.auditor(led)).get(base(led) + "/loans/" + loan);
    }

    public static Response schedule(UUID led, UUID loan) {
        return as(Tokens.auditor(led)).get(base(led) + "/loans/" + loan + "/schedule");
    }

    public static BigDecimal balance(UUID led, String code) {
        return new BigDecimal(as(Tokens.auditor(led)).get(base(led) + "/accounts/" + code).then().statusCode(200)
                .extract().<String>path("balance"));
    }

    public static BigDecimal balanceAsOf(UUID led, String code, String asOf) {
        return new BigDecimal(as(Tokens.auditor(led)).queryParam("asOf", asOf).get(base(led) + "/accounts/" + code)
                .then().statusCode(200).extract().<String>path("balance"));
    }

    /** Σ outstanding principal of every loan of the LED as of a day, read from the loans list. */
    public static BigDecimal outstandingAsOf(UUID led, String asOf) {
        List<String> amounts = as(Tokens.auditor(led)).queryParam("asOf", asOf).queryParam("limit", 500)
                .get(base(led) + "/loans").then().statusCode(200).extract().path("items.outstandingPrincipal");
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Rows of the loan tables and the journal of one LED, for asserting that a refusal wrote nothing. */
    public static long rows(UUID led) {
        return Db.number("SELECT (SELECT count(*) FROM loan WHERE led_id = ?) + (SELECT count(*) FROM loan_repayment"
                + " WHERE led_id = ?) + (SELECT count(*) FROM loan_disbursement WHERE led_id = ?)"
                + " + (SELECT count(*) FROM loan_reversal WHERE led_id = ?) + (SELECT count(*) FROM journal_entry"
                + " WHERE led_id = ?) + (SELECT count(*) FROM loan_product WHERE led_id = ?)"
                + " + (SELECT count(*) FROM idempotency_record)", led, led, led, led, led, led);
    }

    public static String money(long rupiah) {
        return BigDecimal.valueOf(rupiah).setScale(2).toPlainString();
    }
}
