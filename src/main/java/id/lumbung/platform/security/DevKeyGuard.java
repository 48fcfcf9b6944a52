package id.lumbung.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production service that would accept tokens signed with the committed
 * development key: anyone can sign those.
 */
@Singleton
public class DevKeyGuard {

    static final String DEV_PUBLIC_KEY = "dev/jwt-public.pem";

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> inlineKey,
            @ConfigProperty(name = "quarkus.profile", defaultValue = "prod") String profile) {
        // Only the prod profile guards: dev and test run on the dev key by design.
        if (!java.util.Arrays.asList(profile.split(",")).contains("prod")) {
            return;
        }
        requireOwnKey(inlineKey.orElseGet(() -> location.map(DevKeyGuard::read).orElse("")));
    }

    /** Throws unless {@code configuredPem} is a key, and not the committed development key. */
    static void requireOwnKey(String configuredPem) {
        if (configuredPem.isBlank() || normalise(configuredPem).equals(normalise(read(DEV_PUBLIC_KEY)))) {
            throw new IllegalStateException("Refusing to start in prod: configure a JWT verification key of your own "
                    + "(MP_JWT_VERIFY_PUBLICKEY_LOCATION or MP_JWT_VERIFY_PUBLICKEY); the development key is public.");
        }
    }

    private static String normalise(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static String read(String location) {
        try {
            if (location.startsWith("file:")) {
                return Files.readString(Path.of(URI.create(location)), StandardCharsets.US_ASCII);
            }
            Path file = Path.of(location);
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
