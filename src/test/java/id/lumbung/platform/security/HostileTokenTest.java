package id.lumbung.platform.security;

import static id.lumbung.support.Problems.assertProblem;
import static id.lumbung.support.Problems.rejected;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens an attacker or a misconfigured issuer would send: each is refused with 401 (not valid) or
 * 403 (valid, but grants nothing). Every one is checked against a request a genuine token of the
 * same claims is allowed to make, so a refusal is the token's doing.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class HostileTokenTest {

    private static PrivateKey devKey;
    private static UUID led;

    @BeforeEach
    void books() throws Exception {
        if (led != null) {
            return;
        }
        devKey = DevTokenCli.readPrivateKey(Path.of("config/dev/jwt-private.pem"));
        led = Api.createLed();
    }

    /** The claims of a genuine manager token of {@link #led}, to be spoilt one at a time. */
    private static JwtClaimsBuilder manager() {
        return Jwt.issuer(DevTokenCli.ISSUER).subject("manager.siti").upn("manager.siti").groups("led-manager")
                .claim("districts", List.of()).claim("leds", List.of(led.toString())).expiresIn(3600);
    }

    private static Response getLed(String token) {
        return RestAssured.given().auth().oauth2(token).get("/api/v1/leds/" + led);
    }

    private static void refused(String token, int status, String slug) {
        assertProblem(rejected(() -> getLed(token)), status, slug);
        Response write = rejected(() -> RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("type", "COMMUNITY_EQUITY", "amount", "1000", "receivedOn", "2026-01-05"))
                .post("/api/v1/leds/" + led + "/contributions"));
        assertProblem(write, status, slug);
    }

    @Test
    void theGenuineTokenIsAccepted() {
        getLed(manager().sign(devKey)).then().statusCode(200);
    }

    @Test
    void algNoneIsRefused() throws Exception {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        String payload = base64(new ObjectMapper().writeValueAsString(Map.of("iss", DevTokenCli.ISSUER,
                "sub", "manager.siti", "upn", "manager.siti", "groups", List.of("led-manager"),
                "leds", List.of(led.toString()), "iat", now, "exp", now + 3600)));
        refused(header + "." + payload + ".", 401, "unauthenticated");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicPem = Files.readAllBytes(Path.of("src/main/resources/dev/jwt-public.pem"));
        String token = manager().jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(publicPem, "HmacSHA256"));
        refused(token, 401, "unauthenticated");
    }

    @Test
    void anotherIssuerIsRefused() {
        refused(manager().issuer("https://login.example.org").sign(devKey), 401, "unauthenticated");
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        refused(manager().claim("nbf", Instant.now().getEpochSecond() + 3600).sign(devKey), 401, "unauthenticated");
    }

    @Test
    void anExpiredTokenIsRefused() {
        long now = Instant.now().getEpochSecond();
        refused(manager().issuedAt(now - 7200).expiresAt(now - 3600).sign(devKey), 401, "unauthenticated");
    }

    @Test
    void aStringWhereTheLedArrayBelongsIsRefused() {
        refused(manager().claim("leds", led.toString()).sign(devKey), 401, "unauthenticated");
    }

    @Test
    void aStringWhereTheDistrictArrayBelongsIsRefused() {
        refused(manager().claim("districts", UUID.randomUUID().toString()).sign(devKey), 401, "unauthenticated");
    }

    @Test
    void idsThatAreNotUuidsAreRefused() {
        refused(manager().claim("leds", List.of(led.toString(), "desa-kuok")).sign(devKey), 401, "unauthenticated");
        refused(manager().claim("districts", List.of(42)).sign(devKey), 401, "unauthenticated");
        refused(manager().claim("leds", List.of(led.toString().replace("-", ""))).sign(devKey), 401,
                "unauthenticated");
    }

    @Test
    void aScopeClaimOfTheWrongTypeIsRefused() {
        refused(manager().claim("leds", Map.of("id", led.toString())).sign(devKey), 401, "unauthenticated");
        refused(manager().claim("leds", 7).sign(devKey), 401, "unauthenticated");
    }

    @Test
    void aValidTokenWithoutGroupsIsForbidden() {
        String token = Jwt.issuer(DevTokenCli.ISSUER).subject("manager.siti").upn("manager.siti")
                .claim("leds", List.of(led.toString())).expiresIn(3600).sign(devKey);
        refused(token, 403, "forbidden");
    }

    @Test
    void aValidTokenWithAnUnknownRoleIsForbidden() {
        refused(manager().groups("bendahara").sign(devKey), 403, "forbidden");
    }

    @Test
    void aValidTokenWithoutAnyScopeIsForbidden() {
        refused(Tokens.of("led-manager", "manager.siti", List.of(), List.of()), 403, "forbidden");
        String noClaims = Jwt.issuer(DevTokenCli.ISSUER).subject("clerk.budi").upn("clerk.budi").groups("led-clerk")
                .expiresIn(3600).sign(devKey);
        refused(noClaims, 403, "forbidden");
    }

    @Test
    void theAdminNeedsNoScope() {
        getLed(Tokens.admin()).then().statusCode(200);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
