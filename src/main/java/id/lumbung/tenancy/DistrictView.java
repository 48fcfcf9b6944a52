package id.lumbung.tenancy;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A district as the API shows it. */
@Schema(name = "District")
public record DistrictView(
        @Schema(example = "0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a10") UUID id,
        @Schema(example = "1406") String code,
        @Schema(example = "Kabupaten Kampar") String name,
        @Schema(example = "2026-02-01T02:15:30.123456Z") Instant createdAt) {

    static DistrictView from(District district) {
        return new DistrictView(district.id, district.code, district.name, district.createdAt);
    }
}
