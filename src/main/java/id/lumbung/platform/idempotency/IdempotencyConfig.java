package id.lumbung.platform.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Idempotency settings ({@code lumbung.idempotency.*}). */
@ConfigMapping(prefix = "lumbung.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key's response (and a field batch's answer) is kept. Thirty days covers a field
     * clerk whose device stays offline for a week or more and then re-sends what it queued; after
     * that the same key is treated as new.
     */
    @WithDefault("P30D")
    Duration retention();

    /**
     * Whether every request that moves money must carry an {@code Idempotency-Key} (400
     * {@code idempotency-key-required} without one). Off by default, as keys are optional in most
     * payment APIs; turn it on where every client is known to send them, so that no retry after a
     * 503 or a lost answer can post twice.
     */
    @WithDefault("false")
    boolean required();
}
