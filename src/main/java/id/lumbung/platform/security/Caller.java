package id.lumbung.platform.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is asking: the token's subject, roles and scope. Scope comes from the {@code districts} and
 * {@code leds} claims, arrays of ids; an LED is in scope when it is listed, or its district is.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private Set<UUID> districts;
    private Set<UUID> leds;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The token subject; recorded as the author of every write. */
    public String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(Collection<String> roles) {
        return roles.stream().anyMatch(identity::hasRole);
    }

    public Set<UUID> districts() {
        if (districts == null) {
            districts = ids("districts");
        }
        return districts;
    }

    public Set<UUID> leds() {
        if (leds == null) {
            leds = ids("leds");
        }
        return leds;
    }

    public boolean inScope(UUID ledId, UUID districtId) {
        return leds().contains(ledId) || districts().contains(districtId);
    }

    private Set<UUID> ids(String claim) {
        Object value = token.getClaim(claim);
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
