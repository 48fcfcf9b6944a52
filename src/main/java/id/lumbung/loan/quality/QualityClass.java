package id.lumbung.loan.quality;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;

/**
 * One class of a quality table: a loan whose measure is at most {@code upTo} (and above the
 * previous class's bound) is in it; {@code upTo} is null on the last, open-ended class.
 */
@Schema(name = "LoanQualityClass")
public record QualityClass(
        @Schema(name = "class", example = "LANCAR", required = true)
        @JsonProperty("class") Kolektibilitas kolektibilitas,
        @Schema(description = "The highest measure (days past due or missed installments) in this class; null "
                + "on the last class, which has no upper bound.", nullable = true, example = "0")
        Integer upTo,
        @Schema(type = SchemaType.STRING, description = "Provision required, percent of the outstanding principal "
                + "(0 to 100).", example = "1", required = true)
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal provisionPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Shorthand for the presets. */
    static QualityClass of(Kolektibilitas kolektibilitas, Integer upTo, int percent) {
        return new QualityClass(kolektibilitas, upTo, BigDecimal.valueOf(percent));
    }

    /** The same class with its rate written without trailing zeros ({@code 5.00} → {@code 5}), as stored. */
    public QualityClass normalized() {
        return new QualityClass(kolektibilitas, upTo, plain(provisionPercent));
    }

    /** {@code value} without trailing zeros and never in exponent form ({@code 100}, not {@code 1E+2}). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Whether a loan whose measure is {@code value} falls in this class or a better one. */
    boolean holds(int value) {
        return upTo == null || value <= upTo;
    }

    /** The class's rate as a fraction of one ({@code 5} % → {@code 0.05}). */
    public BigDecimal rate() {
        return plain(provisionPercent.divide(HUNDRED));
    }

    /**
     * Outstanding principal × the class's rate, rounded in one step as the loan rounds; never more
     * than the outstanding principal (a step rounding up could otherwise exceed it at 100 %).
     */
    public Amount provisionOn(Amount outstandingPrincipal, Rounding rounding) {
        Amount rounded = Amount.of(rounding.roundQuotient(outstandingPrincipal.value().multiply(provisionPercent),
                HUNDRED));
        return rounded.compareTo(outstandingPrincipal) > 0 ? outstandingPrincipal : rounded;
    }
}
