package id.lumbung.platform;

import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;

import java.util.List;
import java.util.UUID;
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
 * NUL and other control characters in query and path parameters, on many endpoints: one filter
 * refuses them with 400 {@code validation-failed} naming the parameter, before PostgreSQL sees them.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class HostileParameterTest {

    /** Percent-encoded control characters: NUL, SOH, line feed, DEL and the C1 control NEL (U+0085). */
    private static final List<String> CONTROLS = List.of("%00", "%01", "%0A", "%7F", "%C2%85");

    private static UUID led;
    private static UUID member;

    @BeforeEach
    void books() {
        if (led != null) {
            return;
        }
        led = Api.createLed();
        member = UUID.fromString(Api.as(Tokens.manager(led)).body(java.util.Map.of("name", "Siti Aminah",
                "nik", "1406014507900011", "gender", "F", "birthDate", "1990-07-05"))
                .post("/api/v1/leds/" + led + "/members").then().statusCode(201).extract().path("id"));
    }

    /** A path (with {@code X} where the hostile value goes) and the parameter the problem must name. */
    static Stream<Arguments> places() {
        return Stream.of(
                Arguments.of("GET", "/journal-entries?account=X", "account"),
                Arguments.of("GET", "/journal-entries?after=X", "after"),
                Arguments.of("GET", "/expenses?account=X", "account"),
                Arguments.of("GET", "/members?q=Siti%20X", "q"),
                Arguments.of("GET", "/accounts?after=X", "after"),
                Arguments.of("GET", "/accounts/1-1100X", "accountCode"),
                Arguments.of("GET", "/accounts/X", "accountCode"),
                Arguments.of("GET", "/contributions?after=X", "after"),
                Arguments.of("GET", "/loans?after=X", "after"),
                Arguments.of("GET", "/members/MEMBER/savings?after=X", "after"),
                Arguments.of("POST", "/journal-entries?account=X", "account"),
                Arguments.of("POST", "/accounts?extra=X", "extra"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("places")
    void controlCharactersInParametersAreRefusedByName(String method, String tail, String parameter) {
        for (String control : CONTROLS) {
            String url = "/api/v1/leds/" + led + tail.replace("MEMBER", member.toString()).replace("X", control);
            Response response = rejected(() -> RestAssured.given().urlEncodingEnabled(false)
                    .auth().oauth2(Tokens.manager(led)).contentType("application/json").body("{}")
                    .request(method, url));
            assertProblem(response, 400, "validation-failed", parameter);
        }
    }

    @Test
    void aControlCharacterInAParameterNameIsRefusedToo() {
        Response response = rejected(() -> RestAssured.given().urlEncodingEnabled(false)
                .auth().oauth2(Tokens.manager(led)).get("/api/v1/leds/" + led + "/journal-entries?ac%00count=1"));
        assertProblem(response, 400, "validation-failed", "ac\\u0000count");
    }

    @Test
    void ordinaryParametersStillWork() {
        Api.as(Tokens.manager(led)).queryParam("q", "Siti Aminah").get("/api/v1/leds/" + led + "/members")
                .then().statusCode(200);
        Api.as(Tokens.manager(led)).queryParam("account", "1-1100").get("/api/v1/leds/" + led + "/journal-entries")
                .then().statusCode(200);
    }
}
