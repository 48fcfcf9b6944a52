package id.lumbung.tenancy;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An LED as the API shows it. */
@Schema(name = "Led")
public record LedView(
        @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6b") UUID id,
        @Schema(example = "0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a10") UUID districtId,
        @Schema(example = "1406012001") String code,
        @Schema(example = "LED Desa Kuok") String name,
        @Schema(example = "Kuok") String village,
        @Schema(example = "2026-02-01T02:20:00.000001Z") Instant createdAt) {

    static LedView from(Led led) {
        return new LedView(led.id, led.districtId, led.code, led.name, led.village, led.createdAt);
    }
}
