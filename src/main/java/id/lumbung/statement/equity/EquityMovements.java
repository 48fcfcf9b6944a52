package id.lumbung.statement.equity;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import id.lumbung.money.Amount;

/**
 * One row's movements in the period by kind, signed as equity is (an increase positive). Every kind
 * is always present, zero where nothing moved, so a client reads the same shape for every account.
 */
@Schema(name = "EquityMovements")
public record EquityMovements(
        @Schema(description = "OPENING_BALANCE entries: balances taken over when the LED started its books here.",
                example = "0.00") Amount openingBalances,
        @Schema(description = "GRANT entries: district grant capital received.", example = "500000000.00")
        Amount grants,
        @Schema(description = "CONTRIBUTION entries: community capital (swadaya).", example = "2500000.00")
        Amount contributions,
        @Schema(description = "Income less expenses of the period, the year-end closing entry left out; only "
                + "on the unclosed-surplus row.", example = "3150000.00") Amount periodSurplus,
        @Schema(description = "CLOSING entries: the year's surplus moved into retained surplus (and out of the "
                + "unclosed surplus).", example = "0.00") Amount surplusClosed,
        @Schema(description = "SURPLUS_ALLOCATION entries: the village assembly's allocation of the surplus.",
                example = "0.00") Amount surplusAllocations,
        @Schema(description = "Every other kind (adjustments, …).", example = "0.00") Amount other) {

    static final EquityMovements NONE = of(new EnumMap<>(EquityMovementKind.class));

    static EquityMovements of(Map<EquityMovementKind, Amount> byKind) {
        return new EquityMovements(get(byKind, EquityMovementKind.OPENING_BALANCES),
                get(byKind, EquityMovementKind.GRANTS), get(byKind, EquityMovementKind.CONTRIBUTIONS),
                get(byKind, EquityMovementKind.PERIOD_SURPLUS), get(byKind, EquityMovementKind.SURPLUS_CLOSED),
                get(byKind, EquityMovementKind.SURPLUS_ALLOCATIONS), get(byKind, EquityMovementKind.OTHER));
    }

    private static Amount get(Map<EquityMovementKind, Amount> byKind, EquityMovementKind kind) {
        return byKind.getOrDefault(kind, Amount.ZERO);
    }

    public Amount get(EquityMovementKind kind) {
        return switch (kind) {
            case OPENING_BALANCES -> openingBalances;
            case GRANTS -> grants;
            case CONTRIBUTIONS -> contributions;
            case PERIOD_SURPLUS -> periodSurplus;
            case SURPLUS_CLOSED -> surplusClosed;
            case SURPLUS_ALLOCATIONS -> surplusAllocations;
            case OTHER -> other;
        };
    }

    /** All movements together: closing less opening. */
    @JsonIgnore
    public Amount total() {
        Amount sum = Amount.ZERO;
        for (EquityMovementKind kind : EquityMovementKind.values()) {
            sum = sum.plus(get(kind));
        }
        return sum;
    }

    EquityMovements plus(EquityMovements other) {
        Map<EquityMovementKind, Amount> sum = new EnumMap<>(EquityMovementKind.class);
        for (EquityMovementKind kind : EquityMovementKind.values()) {
            sum.put(kind, get(kind).plus(other.get(kind)));
        }
        return of(sum);
    }
}
