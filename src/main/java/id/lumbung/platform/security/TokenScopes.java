package id.lumbung.platform.security;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The {@code districts} and {@code leds} a verified token grants, read once per token instead of
 * once per request: reading a custom claim makes SmallRye JWT throw and catch an exception inside
 * (it first looks the name up among the standard claims). Keyed by the raw token, whose claims
 * cannot change; bounded like {@link VerifiedTokens}.
 */
@ApplicationScoped
public class TokenScopes {

    /** Ids of the districts and LEDs in a caller's scope. */
    public record Scope(Set<UUID> districts, Set<UUID> leds) {
    }

    private static final java.util.List<String> SCOPE_CLAIMS = java.util.List.of("districts", "leds");

    private final Cache<String, Scope> cache = Caffeine.newBuilder()
            .maximumSize(VerifiedTokens.MAX_TOKENS)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    public Scope of(JsonWebToken token) {
        String raw = token.getRawToken();
        return raw == null ? read(token) : cache.get(raw, ignored -> read(token));
    }

    private static Scope read(JsonWebToken token) {
        return new Scope(orNone(ids(token.getClaim("districts"))), orNone(ids(token.getClaim("leds"))));
    }

    /** A malformed claim grants nothing (verification refuses such tokens before they get here). */
    private static Set<UUID> orNone(Set<UUID> ids) {
        return ids == null ? Set.of() : ids;
    }

    /**
     * Refuses a token whose {@code districts} or {@code leds} claim is present but not an array of
     * UUID strings; the verifier then answers 401 as for any other invalid token.
     */
    static void requireWellFormed(JsonWebToken token) throws ParseException {
        for (String claim : SCOPE_CLAIMS) {
            Object value = token.getClaim(claim);
            if (value != null && ids(value) == null) {
                throw new ParseException("claim '" + claim + "' must be an array of UUIDs");
            }
        }
    }

    /** The ids of a scope claim: none when absent, null when it is not an array of UUID strings. */
    private static Set<UUID> ids(Object value) {
        Set<UUID> result = new HashSet<>();
        if (value == null || value == JsonValue.NULL) {
            return Set.of();
        }
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (!(item instanceof JsonString text) || !parse(text.getString(), result)) {
                    return null;
                }
            }
        } else if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (!(item instanceof String text || item instanceof JsonString) || !parse(string(item), result)) {
                    return null;
                }
            }
        } else {
            return null;
        }
        return Set.copyOf(result);
    }

    private static String string(Object item) {
        return item instanceof JsonString text ? text.getString() : (String) item;
    }

    /** Adds the id to {@code into}; false when the text is not a UUID in its canonical 36-character form. */
    private static boolean parse(String text, Set<UUID> into) {
        if (text.length() != 36) {
            return false;
        }
        try {
            into.add(UUID.fromString(text));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
