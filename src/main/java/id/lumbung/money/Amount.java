package id.lumbung.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * An amount of Indonesian rupiah, exact to the sen (scale 2), never floating point.
 *
 * <p>Parsing never rounds: an amount with more than two decimals is rejected, not silently changed,
 * because a ledger that rounds what the clerk typed is a ledger nobody can reconcile.
 */
@Schema(name = "Amount", type = SchemaType.STRING, pattern = "^-?[0-9]{1,16}(\\.[0-9]{1,2})?$",
        description = "Rupiah as a decimal string with two decimals in responses; requests may send a string or "
                + "a JSON number, read exactly (never through a double). At most two decimals.",
        example = "2500000.00")
@JsonSerialize(using = AmountJson.Writer.class)
@JsonDeserialize(using = AmountJson.Reader.class)
public final class Amount implements Comparable<Amount> {

    public static final int SCALE = 2;
    /** The largest amount one posting may carry: numeric(18,2) in the schema. */
    public static final BigDecimal MAX = new BigDecimal("9999999999999999.99");

    public static final Amount ZERO = new Amount(BigDecimal.ZERO.setScale(SCALE, RoundingMode.UNNECESSARY));

    private final BigDecimal value;

    private Amount(BigDecimal value) {
        this.value = value;
    }

    /** Parses a decimal string exactly; throws {@link InvalidAmountException} when it is not an amount. */
    public static Amount parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAmountException("an amount is required");
        }
        String trimmed = text.strip();
        // Plain decimals only: no exponent, no grouping, at most one sign.
        if (!trimmed.matches("[+-]?[0-9]{1,40}(\\.[0-9]{1,40})?")) {
            throw new InvalidAmountException("'" + abbreviate(trimmed) + "' is not a decimal amount");
        }
        return of(new BigDecimal(trimmed));
    }

    /** Wraps an exact decimal; rejects more than two decimal places and amounts beyond {@link #MAX}. */
    public static Amount of(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > SCALE) {
            throw new InvalidAmountException(
                    "rupiah amounts have at most two decimals (sen): " + value.toPlainString());
        }
        if (value.abs().compareTo(MAX) > 0) {
            throw new InvalidAmountException("amount too large: the largest is " + MAX.toPlainString());
        }
        return new Amount(value.setScale(SCALE, RoundingMode.UNNECESSARY));
    }

    public static Amount ofRupiah(long rupiah) {
        return of(BigDecimal.valueOf(rupiah));
    }

    public BigDecimal value() {
        return value;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public Amount plus(Amount other) {
        return new Amount(value.add(other.value));
    }

    public Amount minus(Amount other) {
        return new Amount(value.subtract(other.value));
    }

    public Amount negate() {
        return new Amount(value.negate());
    }

    /** The canonical text: plain digits with exactly two decimals, as in every response. */
    @Override
    public String toString() {
        return value.toPlainString();
    }

    @Override
    public int compareTo(Amount other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amount other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
