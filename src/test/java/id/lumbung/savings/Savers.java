package id.lumbung.savings;

import static id.lumbung.support.Api.as;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import id.lumbung.support.Db;
import id.lumbung.support.Tokens;
import io.restassured.response.Response;

/** Fixtures for savings tests: members registered through the API, deposits and withdrawals sent to it. */
final class Savers {

    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private Savers() {
    }

    /** Registers a woman member with a fresh, valid NIK (born 5 July 1990, so the day is 45). */
    static UUID member(UUID led, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("nik", String.format("140601450790%04d", 1 + SERIAL.getAndIncrement() % 9999));
        body.put("gender", "F");
        body.put("birthDate", "1990-07-05");
        return UUID.fromString(as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/members")
                .then().statusCode(201).extract().path("id"));
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
    }

    static String day(int offset) {
        return LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(offset).toString();
    }

    static String savings(UUID led, UUID member) {
        return "/api/v1/leds/" + led + "/members/" + member + "/savings";
    }

    static Map<String, Object> deposit(Object amount) {
        return Map.of("amount", amount, "receivedOn", today());
    }

    static Map<String, Object> withdrawal(Object amount) {
        return Map.of("amount", amount, "paidOn", today());
    }

    static Response postDeposit(String token, UUID led, UUID member, Object amount) {
        return as(token).body(deposit(amount)).post(savings(led, member) + "/deposits");
    }

    static Response postWithdrawal(String token, UUID led, UUID member, Object amount) {
        return as(token).body(withdrawal(amount)).post(savings(led, member) + "/withdrawals");
    }

    static UUID deposited(UUID led, UUID member, String amount) {
        return UUID.fromString(postDeposit(Tokens.clerk(led), led, member, amount).then().statusCode(201)
                .extract().path("id"));
    }

    /** The LED's control account balance as the accounts endpoint reports it. */
    static BigDecimal controlBalance(UUID led) {
        return new BigDecimal(as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/2-1100")
                .then().statusCode(200).extract().<String>path("balance"));
    }

    static BigDecimal cashBalance(UUID led) {
        return new BigDecimal(as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/accounts/1-1100")
                .then().statusCode(200).extract().<String>path("balance"));
    }

    /** Rows of the savings sub-ledger of one LED, for asserting that a refusal wrote nothing. */
    static long rows(UUID led) {
        return Db.number("SELECT (SELECT count(*) FROM savings_movement WHERE led_id = ?)"
                + " + (SELECT count(*) FROM member_savings WHERE led_id = ?)", led, led);
    }

    static BigDecimal dbBalance(UUID led, UUID member) {
        return new BigDecimal(Db.number("SELECT (coalesce(sum(balance), 0) * 100)::bigint FROM member_savings"
                + " WHERE led_id = ? AND member_id = ?", led, member)).movePointLeft(2);
    }
}
