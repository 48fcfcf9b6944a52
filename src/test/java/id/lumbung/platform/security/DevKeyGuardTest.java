package id.lumbung.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The prod profile must not start with the public development key, nor with no key at all. */
class DevKeyGuardTest {

    @Test
    void refusesTheCommittedDevelopmentKey() throws Exception {
        String devKey = Files.readString(Path.of("config/dev/jwt-public.pem"));
        assertThrows(IllegalStateException.class, () -> DevKeyGuard.requireOwnKey(devKey));
        // Reformatted (other line breaks) it is still the same key.
        assertThrows(IllegalStateException.class, () -> DevKeyGuard.requireOwnKey(devKey.replace("\n", "\r\n  ")));
    }

    @Test
    void refusesAMissingKey() {
        assertThrows(IllegalStateException.class, () -> DevKeyGuard.requireOwnKey(""));
    }

    @Test
    void acceptsAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertDoesNotThrow(() -> DevKeyGuard.requireOwnKey(pem));
    }
}
