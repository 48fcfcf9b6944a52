package id.lumbung.settings;

import java.math.RoundingMode;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;

/** How loan amounts are rounded: to a multiple of {@code step} rupiah, in {@code mode}. */
@Schema(name = "RoundingRule")
public record RoundingRule(
        @Schema(type = SchemaType.STRING,
                description = "Amounts are multiples of this many rupiah: 1 (whole rupiah), 100, 500, 1000 …",
                example = "1.00", required = true)
        @NotNull Amount step,
        @Schema(description = "HALF_UP (the default), UP or DOWN.", example = "HALF_UP", required = true)
        @NotNull Mode mode) {

    /** The rounding modes an LED may choose. */
    public enum Mode {
        HALF_UP(RoundingMode.HALF_UP),
        UP(RoundingMode.UP),
        DOWN(RoundingMode.DOWN);

        private final RoundingMode mode;

        Mode(RoundingMode mode) {
            this.mode = mode;
        }

        public RoundingMode mode() {
            return mode;
        }

        static Mode of(RoundingMode mode) {
            for (Mode candidate : values()) {
                if (candidate.mode == mode) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("no rounding mode " + mode);
        }
    }

    Rounding toRounding() {
        return new Rounding(step.value(), mode.mode());
    }

    static RoundingRule from(Rounding rounding) {
        return new RoundingRule(Amount.of(rounding.step()), Mode.of(rounding.mode()));
    }
}
