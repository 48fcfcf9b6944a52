package id.lumbung.statement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** One figure of a statement with its comparative: the period or date shown, and the one a year before. */
@Schema(name = "StatementFigures")
public record Figures(@Schema(example = "125000000.00") Amount amount,
        @Schema(description = "The comparative: as of the previous year-end, or the same period a year earlier.",
                example = "98000000.00") Amount comparative) {

    public static final Figures ZERO = new Figures(Amount.ZERO, Amount.ZERO);

    public Figures plus(Figures other) {
        return new Figures(amount.plus(other.amount), comparative.plus(other.comparative));
    }

    public Figures minus(Figures other) {
        return new Figures(amount.minus(other.amount), comparative.minus(other.comparative));
    }
}
