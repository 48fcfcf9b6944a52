package id.lumbung.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/** The verified-token cache must never accept what verifying every time would refuse. */
class VerifiedTokensTest {

    private static final long NOW = 1_780_000_000L;

    private final MovableClock clock = new MovableClock(NOW);
    private final CountingVerifier verifier = new CountingVerifier(clock);
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);
    private final JWTAuthContextInfo settings = new JWTAuthContextInfo();

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromTheCache() throws ParseException {
        verifier.expiresAt("a", NOW + 600);

        JWTCallerPrincipal first = tokens.parse("a", settings);
        JWTCallerPrincipal second = tokens.parse("a", settings);

        assertSame(first, second);
        assertEquals(1, verifier.calls("a"));
    }

    @Test
    void otherVerificationSettingsVerifyAgain() throws ParseException {
        verifier.expiresAt("a", NOW + 600);

        tokens.parse("a", settings);
        tokens.parse("a", new JWTAuthContextInfo());

        assertEquals(2, verifier.calls("a"));
    }

    @Test
    void afterItsExpiryATokenIsVerifiedAgainAndTheVerifierDecides() throws ParseException {
        verifier.expiresAt("a", NOW + 60);
        tokens.parse("a", settings);

        clock.now = NOW + 60;

        assertThrows(ParseException.class, () -> tokens.parse("a", settings));
        assertEquals(2, verifier.calls("a"));
    }

    @Test
    void refusalsAreNeverCached() {
        assertThrows(ParseException.class, () -> tokens.parse("forged", settings));
        assertThrows(ParseException.class, () -> tokens.parse("forged", settings));

        assertEquals(2, verifier.calls("forged"));
    }

    @Test
    void aTokenAcceptedOnlyThroughClockSkewIsNotCached() throws ParseException {
        verifier.expiresAt("late", NOW - 5);
        verifier.acceptExpired = true;

        tokens.parse("late", settings);
        tokens.parse("late", settings);

        assertEquals(2, verifier.calls("late"));
    }

    /** Stands in for the signature check: knows which tokens are genuine and until when. */
    private static final class CountingVerifier extends JWTCallerPrincipalFactory {
        private final MovableClock clock;
        private final Map<String, Long> genuine = new HashMap<>();
        private final Map<String, Integer> calls = new HashMap<>();
        boolean acceptExpired;

        CountingVerifier(MovableClock clock) {
            this.clock = clock;
        }

        void expiresAt(String token, long epochSecond) {
            genuine.put(token, epochSecond);
        }

        int calls(String token) {
            return calls.getOrDefault(token, 0);
        }

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings) throws ParseException {
            calls.merge(token, 1, Integer::sum);
            Long expiresAt = genuine.get(token);
            if (expiresAt == null) {
                throw new ParseException("signature does not verify");
            }
            if (expiresAt <= clock.now && !acceptExpired) {
                throw new ParseException("token expired");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject("manager.siti");
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        }
    }

    private static final class MovableClock extends Clock {
        long now;

        MovableClock(long now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(now);
        }
    }
}
