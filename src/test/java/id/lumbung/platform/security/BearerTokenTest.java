package id.lumbung.platform.security;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;

/** Bearer tokens go through the verified-token cache, and the cache accepts nothing new. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class BearerTokenTest {

    @Inject
    JWTCallerPrincipalFactory factory;

    @Test
    void theServiceVerifiesTokensThroughTheCache() {
        assertInstanceOf(VerifiedTokens.class, ClientProxy.unwrap(factory));
    }

    @Test
    void aTamperedCopyOfAnAcceptedTokenIsRefused() {
        UUID ledId = Api.createLed();
        String genuine = Tokens.clerk(ledId);
        Api.as(genuine).get("/api/v1/leds/" + ledId).then().statusCode(200);
        Api.as(genuine).get("/api/v1/leds/" + ledId).then().statusCode(200);

        // Same header and signature, the payload promoted to led-manager: the signature no longer matches.
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("led-clerk", "led-manager");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        Api.as(tampered).get("/api/v1/leds/" + ledId).then().statusCode(401);
        Api.as(genuine).get("/api/v1/leds/" + ledId).then().statusCode(200);
    }
}
