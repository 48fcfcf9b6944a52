package id.lumbung.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Small helpers that set up tenants through the API itself, as a user would. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static UUID createDistrict() {
        String code = UUID.randomUUID().toString().substring(0, 8);
        return UUID.fromString(as(Tokens.admin())
                .body(Map.of("code", code, "name", "Kabupaten Kampar " + code))
                .post("/api/v1/districts")
                .then().statusCode(201).extract().path("id"));
    }

    public static UUID createLed(UUID districtId) {
        String code = UUID.randomUUID().toString().substring(0, 8);
        return UUID.fromString(as(Tokens.admin())
                .body(Map.of("districtId", districtId, "code", code, "name", "LED Desa Kuok " + code,
                        "village", "Kuok"))
                .post("/api/v1/leds")
                .then().statusCode(201).extract().path("id"));
    }

    /** A fresh LED in a fresh district. */
    public static UUID createLed() {
        return createLed(createDistrict());
    }

    /** Posts a two-line adjustment as the LED's manager and returns the entry id. */
    public static UUID post(UUID ledId, String date, String debit, String credit, String amount) {
        return UUID.fromString(as(Tokens.manager(ledId))
                .body(entry(date, debit, credit, amount))
                .post("/api/v1/leds/" + ledId + "/journal-entries")
                .then().statusCode(201).extract().path("id"));
    }

    public static Map<String, Object> entry(String date, String debit, String credit, String amount) {
        return Map.of("effectiveDate", date, "description", "Penyesuaian " + debit + " / " + credit,
                "kind", "ADJUSTMENT",
                "postings", java.util.List.of(
                        Map.of("account", debit, "side", "DEBIT", "amount", amount),
                        Map.of("account", credit, "side", "CREDIT", "amount", amount)));
    }
}
