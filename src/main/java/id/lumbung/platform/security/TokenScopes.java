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

    private final Cache<String, Scope> cache = Caffeine.newBuilder()
            .maximumSize(VerifiedTokens.MAX_TOKENS)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    public Scope of(JsonWebToken token) {
        String raw = token.getRawToken();
        return raw == null ? read(token) : cache.get(raw, ignored -> read(token));
    }

    private static Scope read(JsonWebToken token) {
        return new Scope(ids(token.getClaim("districts")), ids(token.getClaim("leds")));
    }

    private static Set<UUID> ids(Object value) {
        Set<UUID> result = new HashSet<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString text) {
                    parse(text.getString(), result);
                }
            }
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> parse(String.valueOf(item), result));
        } else if (value instanceof JsonString text) {
            parse(text.getString(), result);
        } else if (value instanceof String text) {
            parse(text, result);
        }
        return Set.copyOf(result);
    }

    private static void parse(String text, Set<UUID> into) {
        try {
            into.add(UUID.fromString(text));
        } catch (IllegalArgumentException ignored) {
            // A malformed id in a claim grants nothing.
        }
    }
}
