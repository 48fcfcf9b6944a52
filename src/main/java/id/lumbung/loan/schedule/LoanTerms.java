package id.lumbung.loan.schedule;

import java.util.Objects;

/**
 * What a schedule is computed from, besides the principal and the disbursement date.
 *
 * <p>{@code graceInstallments} are the first installments, which carry interest only (masa tenggang).
 */
public record LoanTerms(InterestMethod method, PeriodRate rate, int installments, int graceInstallments,
        Rounding rounding) {

    public LoanTerms {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(rounding, "rounding");
        if (installments < 1) {
            throw new IllegalArgumentException("a loan has at least one installment, not " + installments);
        }
        if (graceInstallments < 0 || graceInstallments >= installments) {
            throw new IllegalArgumentException("grace installments must be from 0 to " + (installments - 1)
                    + ", not " + graceInstallments);
        }
    }

    /** The installments that repay principal: all but the grace ones. */
    public int amortizing() {
        return installments - graceInstallments;
    }
}
