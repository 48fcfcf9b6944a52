package id.lumbung.platform;

import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Snapshot;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The leniencies {@link GeneratedBadInputTest} found, one test each: every one of these requests
 * used to be accepted (200/201, the body read as something the client did not send), answered 500,
 * or answered a bare 413/414 without a problem body.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class StrictInputTest {

    private static final String YESTERDAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(1).toString();
    private static UUID led;

    @BeforeEach
    void books() {
        if (led == null) {
            led = Api.createLed();
        }
    }

    private static String contribution(String typeValue, String extra) {
        return "{\"type\":" + typeValue + ",\"amount\":\"1000\",\"receivedOn\":\"" + YESTERDAY + "\"" + extra + "}";
    }

    private static Response post(String tail, byte[] body) {
        return rejected(() -> RestAssured.given().auth().oauth2(Tokens.manager(led)).contentType("application/json")
                .body(body).post("/api/v1/leds/" + led + tail));
    }

    private static Response post(String tail, String body) {
        return post(tail, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFieldGivenTwiceIsMalformed() {
        // Read leniently, the last value won (the clerk's first amount silently lost), or a record failed with 500.
        assertProblem(post("/contributions", contribution("\"COMMUNITY_EQUITY\"", ",\"amount\":\"2000\"")), 400,
                "malformed-json").body("detail", containsString("twice"));
    }

    @Test
    void anEnumIsNamedNeverNumbered() {
        assertProblem(post("/contributions", contribution("0", "")), 400, "validation-failed", "type");
    }

    @Test
    void nothingMayFollowTheBody() {
        String before = RestAssured.given().auth().oauth2(Tokens.manager(led))
                .get("/api/v1/leds/" + led + "/settings/lending").asString();
        // "{}" alone resets every lending setting to its default: with trailing garbage it must not.
        Response response = rejected(() -> RestAssured.given().auth().oauth2(Tokens.manager(led))
                .contentType("application/json").body("{\"approvalThreshold\":\"7000000\"} x")
                .put("/api/v1/leds/" + led + "/settings/lending"));
        assertProblem(response, 400, "malformed-json");
        assertEquals(before, RestAssured.given().auth().oauth2(Tokens.manager(led))
                .get("/api/v1/leds/" + led + "/settings/lending").asString());
    }

    @Test
    void aLoneSurrogateIsNotText() {
        // PostgreSQL's driver would have stored it as "?".
        assertProblem(post("/contributions", contribution("\"COMMUNITY_EQUITY\"",
                ",\"description\":\"Swadaya \\ud800 warga\"")), 400, "validation-failed", "description");
    }

    @Test
    void bytesThatAreNotUtf8AreMalformed() {
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        String head = contribution("\"COMMUNITY_EQUITY\"", ",\"description\":\"a");
        overlong.writeBytes(head.substring(0, head.length() - 1).getBytes(StandardCharsets.UTF_8));
        overlong.write(0xC0); // C0 AF is an overlong "/", which Jackson decoded as one
        overlong.write(0xAF);
        overlong.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        assertProblem(post("/contributions", overlong.toByteArray()), 400, "malformed-json")
                .body("detail", containsString("UTF-8"));
        byte[] utf16 = contribution("\"COMMUNITY_EQUITY\"", "").getBytes(StandardCharsets.UTF_16LE);
        assertProblem(post("/contributions", utf16), 400, "malformed-json").body("detail", containsString("UTF-8"));
    }

    @Test
    void nestingStopsAt32Levels() {
        // A member PATCH reads "nik" as any JSON (to refuse changing it by name), so depth is really parsed.
        String member = Api.as(Tokens.manager(led)).body(java.util.Map.of("name", "Siti Aminah", "nik",
                "3273014507900001", "gender", "F", "birthDate", "1990-07-05"))
                .post("/api/v1/leds/" + led + "/members").then().statusCode(201).extract().path("id");
        String deep = "[".repeat(40) + "]".repeat(40);
        Response response = rejected(() -> RestAssured.given().auth().oauth2(Tokens.manager(led))
                .contentType("application/json").body("{\"nik\":" + deep + "}")
                .patch("/api/v1/leds/" + led + "/members/" + member));
        assertProblem(response, 400, "malformed-json").body("detail", containsString("32"));
        String shallow = "[".repeat(20) + "]".repeat(20);
        assertProblem(rejected(() -> RestAssured.given().auth().oauth2(Tokens.manager(led))
                .contentType("application/json").body("{\"nik\":" + shallow + "}")
                .patch("/api/v1/leds/" + led + "/members/" + member)), 400, "validation-failed", "nik");
    }

    @Test
    void aBodyOverTheLimitIsAProblem() throws Exception {
        byte[] body = ("name,nik\n" + "a".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        Snapshot before = Snapshot.take();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/leds/" + led
                        + "/members:import")).header("Authorization", "Bearer " + Tokens.manager(led))
                        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"type\":\"urn:lumbung:problem:payload-too-large\""), response.body());
        assertEquals(java.util.List.of(), before.changesTo(Snapshot.take()));
    }

    @Test
    void aParameterOfTenThousandCharactersIsRefusedByName() {
        // Vert.x used to answer a bare 414 above 4 KiB of request line; now the filter names the parameter.
        Response response = rejected(() -> RestAssured.given().auth().oauth2(Tokens.manager(led))
                .queryParam("q", "x".repeat(10_000)).get("/api/v1/leds/" + led + "/members"));
        assertProblem(response, 400, "validation-failed", "q");
    }

    @Test
    void aParameterThatIsNotUtf8IsRefusedByName() {
        // %FF decoded to U+FFFD and was searched for: 200 with nothing found.
        Response response = rejected(() -> RestAssured.given().urlEncodingEnabled(false)
                .auth().oauth2(Tokens.manager(led)).get("/api/v1/leds/" + led + "/expenses?account=%FF"));
        assertProblem(response, 400, "validation-failed", "account");
    }

    @Test
    void typedQueryParametersAreReadStrictly() {
        // UUID.fromString took an id a digit short as another id; Boolean.valueOf read "maybe" as false.
        Response shortId = rejected(() -> RestAssured.given().auth().oauth2(Tokens.manager(led))
                .queryParam("groupId", "0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a1").get("/api/v1/leds/" + led + "/members"));
        assertProblem(shortId, 400, "invalid-parameter", "groupId");
        Response maybe = rejected(() -> RestAssured.given().auth().oauth2(Tokens.manager(led))
                .queryParam("active", "maybe").get("/api/v1/leds/" + led + "/loan-products"));
        assertProblem(maybe, 400, "invalid-parameter", "active");
        RestAssured.given().auth().oauth2(Tokens.manager(led)).queryParam("active", "TRUE")
                .get("/api/v1/leds/" + led + "/loan-products").then().statusCode(200);
    }

    @Test
    void aPathIdThatIsNotCanonicalIsNotFound() {
        Response response = rejected(() -> RestAssured.given().auth().oauth2(Tokens.manager(led))
                .get("/api/v1/leds/" + led + "/members/0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a1"));
        assertProblem(response, 404, "not-found");
    }
}
