package id.lumbung.tenancy;

import java.util.UUID;

/** What access checks need of an LED: its id and its district. Both never change. */
public record LedRef(UUID id, UUID districtId) {
}
