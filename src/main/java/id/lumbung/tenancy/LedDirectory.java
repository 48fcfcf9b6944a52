package id.lumbung.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds an LED's district for access checks on every request. An LED never moves district and is
 * never deleted, so a found LED is cached for the life of the process (safe across replicas);
 * unknown ids are not cached.
 */
@ApplicationScoped
public class LedDirectory {

    private final ConcurrentMap<UUID, LedRef> known = new ConcurrentHashMap<>();

    public Optional<LedRef> find(UUID ledId) {
        LedRef ref = known.get(ledId);
        if (ref != null) {
            return Optional.of(ref);
        }
        Optional<LedRef> found = Led.<Led>findByIdOptional(ledId).map(led -> new LedRef(led.id, led.districtId));
        found.ifPresent(r -> known.put(r.id(), r));
        return found;
    }
}
