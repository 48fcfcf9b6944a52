package id.lumbung.loan.quality;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Book the loan-loss allowance the portfolio needs as of a day. */
@Schema(name = "ProvisionRequest")
public record ProvisionRequest(
        @Schema(description = "The day the portfolio is classified as of and the entry is dated: not after today, "
                + "not inside a closed period, not before the latest provision's day.", example = "2026-04-30")
        @NotNull LocalDate asOf) {
}
