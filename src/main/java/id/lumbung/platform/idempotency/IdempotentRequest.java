package id.lumbung.platform.idempotency;

import java.util.UUID;

import id.lumbung.platform.hash.Sha256;

/**
 * A POST sent with an {@code Idempotency-Key}: whose key it is (the caller, within an LED or the
 * platform scope) and a fingerprint of what was asked, so a retry can be told from a reuse.
 */
public record IdempotentRequest(UUID scope, String subject, String key, String fingerprint) {

    /** The transaction-scoped advisory lock that marks this key as in flight. */
    long lockId() {
        String digest = Sha256.hex(scope + "\n" + subject + "\n" + key);
        return Long.parseUnsignedLong(digest.substring(0, 16), 16);
    }

    /** Whether {@code other} names the same key (whatever it asked). */
    boolean sameKey(IdempotentRequest other) {
        return scope.equals(other.scope) && subject.equals(other.subject) && key.equals(other.key);
    }
}
