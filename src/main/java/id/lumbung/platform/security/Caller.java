package id.lumbung.platform.security;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

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
    private final TokenScopes scopes;
    private TokenScopes.Scope scope;

    public Caller(SecurityIdentity identity, JsonWebToken token, TokenScopes scopes) {
        this.identity = identity;
        this.token = token;
        this.scopes = scopes;
    }

    /** The token subject; recorded as the author of every write. */
    public String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    /** Whether a verified token came with the request (false for an anonymous one). */
    public boolean authenticated() {
        return !identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(Collection<String> roles) {
        return roles.stream().anyMatch(identity::hasRole);
    }

    public Set<UUID> districts() {
        return scope().districts();
    }

    public Set<UUID> leds() {
        return scope().leds();
    }

    public boolean inScope(UUID ledId, UUID districtId) {
        return leds().contains(ledId) || districts().contains(districtId);
    }

    private TokenScopes.Scope scope() {
        if (scope == null) {
            scope = scopes.of(token);
        }
        return scope;
    }
}
