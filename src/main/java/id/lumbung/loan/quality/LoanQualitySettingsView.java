package id.lumbung.loan.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The loan-quality setting in force on a day, and every change the LED made. */
@Schema(name = "LoanQualitySettings")
public record LoanQualitySettingsView(
        @Schema(description = "The day the setting below is in force on.", example = "2026-04-15") LocalDate asOf,
        @Schema(description = "The change in force; null while the LED classifies by the default BANK preset.",
                nullable = true, example = "0193a5c2-11aa-7e0f-b3c4-000000000301")
        UUID changeId,
        @Schema(description = "Since when it is in force; null for the default.", nullable = true,
                example = "2026-04-01")
        LocalDate effectiveFrom,
        @Schema(description = "The setting in force.") LoanQualityTableView inForce,
        @Schema(description = "Every change, oldest first, including those that take effect after `asOf`.")
        List<LoanQualityChangeView> history) {
}
