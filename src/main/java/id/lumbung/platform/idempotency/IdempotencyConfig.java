package id.lumbung.platform.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Idempotency settings ({@code lumbung.idempotency.*}). */
@ConfigMapping(prefix = "lumbung.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key's response is kept. Seven days covers a field clerk who syncs a week of
     * offline work; after that the same key is treated as new.
     */
    @WithDefault("P7D")
    Duration retention();
}
