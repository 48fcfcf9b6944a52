package id.lumbung.platform.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Remembers bearer tokens that passed verification, so a client sending the same token with every
 * request pays for parsing and the RS256 signature check once, not per request — a third of the
 * service's CPU per posted entry before (docs/benchmarks.md).
 *
 * <p>What keeps this as strict as verifying every time: a cached result is only returned for the
 * identical token string that was verified, under the same verification settings; never after
 * the token's own {@code exp} (from then on it is verified again, so the verifier's clock-skew
 * rule decides); and only successes are kept — a forged, expired or malformed token is checked
 * in full on every attempt. Entries also leave after ten minutes and the cache holds at most
 * {@value #MAX_TOKENS} tokens.
 *
 * <p>A correctly signed token whose scope claims have the wrong shape (a string where an array of
 * ids belongs, an id that is not a UUID) is refused as well (401): what its issuer meant is unclear,
 * and reading it leniently could grant more, or less, than intended.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final int MAX_TOKENS = 4096;
    private static final Duration KEEP = Duration.ofMinutes(10);

    private final JWTCallerPrincipalFactory verifier;
    private final Clock clock;
    private final Cache<String, Verified> cache;

    public VerifiedTokens() {
        this(new DefaultJWTCallerPrincipalFactory(), Clock.systemUTC());
    }

    VerifiedTokens(JWTCallerPrincipalFactory verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(KEEP).build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = cache.getIfPresent(token);
        if (known != null && known.settings() == settings && now < known.expiresAt()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, settings);
        TokenScopes.requireWellFormed(principal);
        long expiresAt = principal.getExpirationTime();
        if (expiresAt > now) {
            cache.put(token, new Verified(principal, settings, expiresAt));
        } else if (known != null) {
            cache.invalidate(token);
        }
        return principal;
    }

    private record Verified(JWTCallerPrincipal principal, JWTAuthContextInfo settings, long expiresAt) {
    }
}
