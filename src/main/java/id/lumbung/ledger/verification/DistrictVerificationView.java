package id.lumbung.ledger.verification;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A district's LEDs with the latest stored verification of each journal's hash chain: its books' health. */
@Schema(name = "DistrictChainVerifications")
public record DistrictVerificationView(
        @Schema(example = "0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a10") UUID districtId,
        @Schema(description = "LEDs whose latest result is a broken chain.", example = "0") int failing,
        @Schema(description = "LEDs the scheduled run has not verified yet (opened since).", example = "1")
        int notVerified,
        @Schema(description = "Every LED of the district, by code.") List<StoredVerificationView> leds) {

    static DistrictVerificationView of(UUID districtId, List<StoredVerificationView> leds) {
        int failing = (int) leds.stream().filter(led -> led.result() != null && !led.result().valid()).count();
        int notVerified = (int) leds.stream().filter(led -> led.result() == null).count();
        return new DistrictVerificationView(districtId, failing, notVerified, leds);
    }
}
