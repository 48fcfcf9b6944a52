package id.lumbung.tenancy;

import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Scope is decided before the body: a path naming an LED out of the caller's scope answers 404
 * whatever the body holds (invalid, malformed, unknown fields), while the same body sent in scope is
 * still a 400 with its field errors.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ScopeBeforeBodyTest {

    private static UUID district;
    private static UUID led;
    private static UUID member;

    @BeforeEach
    void books() {
        if (led != null) {
            return;
        }
        district = Api.createDistrict();
        led = Api.createLed(district);
        member = UUID.fromString(Api.as(Tokens.manager(led)).body(Map.of("name", "Siti Aminah",
                "nik", "1406014507900012", "gender", "F", "birthDate", "1990-07-05"))
                .post("/api/v1/leds/" + led + "/members").then().statusCode(201).extract().path("id"));
    }

    /** A POST endpoint of {@link #led} and a body it refuses with 400 in scope. */
    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("/accounts", "{\"code\":\"9-XYZ\",\"name\":\"\",\"type\":\"ASSET\"}"),
                Arguments.of("/contributions", "{\"type\":\"COMMUNITY_EQUITY\",\"amount\":\"-5\"}"),
                Arguments.of("/journal-entries", "{\"effectiveDate\":\"2026-02-30\",\"postings\":[]}"),
                Arguments.of("/expenses", "{\"account\":\"5-1100\",\"amount\":\"1.234\"}"),
                Arguments.of("/members", "{\"name\":\"Siti\",\"nik\":\"123\"}"),
                Arguments.of("/groups", "{\"name\":\"\"}"),
                Arguments.of("/grants", "{\"amount\":\"1e9\"}"),
                Arguments.of("/transfers", "{\"from\":\"1-1100\"}"),
                Arguments.of("/members/MEMBER/savings/deposits", "{\"amount\":\"0\"}"),
                Arguments.of("/loans/" + UUID.randomUUID() + "/repayments", "{\"amount\":\"abc\"}"),
                Arguments.of("/periods/close", "{\"through\":\"not-a-date\"}"),
                Arguments.of("/accounts", "{\"code\":\"1-1900\",\"surprise\":true}"),
                Arguments.of("/contributions", "{not json"));
    }

    /** Callers who must not learn anything about {@link #led}. */
    static List<Function<UUID, String>> outsiders() {
        return List.of(
                ignored -> Tokens.manager(Api.createLed()),
                ignored -> Tokens.clerk(UUID.randomUUID()),
                ignored -> Tokens.districtOfficer(Api.createDistrict()));
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("invalidBodies")
    void aForeignLedAnswers404WhateverTheBody(String tail, String body) {
        String url = "/api/v1/leds/" + led + tail.replace("MEMBER", member.toString());
        for (Function<UUID, String> outsider : outsiders()) {
            String token = outsider.apply(led);
            Response response = rejected(() -> RestAssured.given().auth().oauth2(token)
                    .contentType("application/json").body(body).post(url));
            assertProblem(response, 404, "not-found");
        }
        Response inScope = rejected(() -> RestAssured.given().auth().oauth2(Tokens.manager(led))
                .contentType("application/json").body(body).post(url));
        int status = inScope.statusCode();
        if (status != 400) {
            throw new AssertionError("in scope the invalid body must answer 400, got " + inScope.asString());
        }
    }

    @Test
    void anLedThatDoesNotExistAnswersTheSame() {
        UUID nowhere = UUID.randomUUID();
        Response response = rejected(() -> RestAssured.given().auth().oauth2(Tokens.manager(led))
                .contentType("application/json").body("{\"code\":\"\"}")
                .post("/api/v1/leds/" + nowhere + "/accounts"));
        assertProblem(response, 404, "not-found");
    }

    @Test
    void theDistrictOfficerOfTheLedsDistrictIsInScope() {
        Response response = rejected(() -> RestAssured.given().auth().oauth2(Tokens.districtOfficer(district))
                .contentType("application/json").body("{\"amount\":\"-1\"}")
                .post("/api/v1/leds/" + led + "/grants"));
        assertProblem(response, 400, "validation-failed");
    }

    @Test
    void anotherDistrictAnswers404() {
        String officer = Tokens.districtOfficer(Api.createDistrict());
        Response response = rejected(() -> RestAssured.given().auth().oauth2(officer)
                .get("/api/v1/districts/" + district));
        assertProblem(response, 404, "not-found");
        RestAssured.given().auth().oauth2(Tokens.districtOfficer(district)).get("/api/v1/districts/" + district)
                .then().statusCode(200);
    }
}
