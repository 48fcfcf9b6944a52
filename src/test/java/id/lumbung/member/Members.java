package id.lumbung.member;

import static id.lumbung.support.Api.as;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import id.lumbung.support.Tokens;

/** Fixtures for member tests: valid requests with fresh NIKs, created through the API. */
final class Members {

    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private Members() {
    }

    /** A fresh serial, so NIKs made by one test run never collide. */
    static int serial() {
        return SERIAL.getAndIncrement();
    }

    static Map<String, Object> siti() {
        return request("Siti Rahmawati", Gender.F, LocalDate.of(1990, 7, 5), serial());
    }

    static Map<String, Object> request(String name, Gender gender, LocalDate born, int serial) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("nik", NikTest.nik(gender, born, serial));
        body.put("gender", gender.name());
        body.put("birthDate", born.toString());
        body.put("hamlet", "Dusun II Kuok");
        body.put("phone", "081276543210");
        return body;
    }

    static UUID create(UUID led, Map<String, Object> body) {
        return UUID.fromString(as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/members")
                .then().statusCode(201).extract().path("id"));
    }

    static UUID createGroup(UUID led, String name) {
        return UUID.fromString(as(Tokens.clerk(led)).body(Map.of("name", name)).post("/api/v1/leds/" + led + "/groups")
                .then().statusCode(201).extract().path("id"));
    }

    static long count(UUID led) {
        return id.lumbung.support.Db.number("SELECT count(*) FROM member WHERE led_id = ?", led);
    }
}
