package id.lumbung.loan.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import id.lumbung.money.Amount;

/**
 * The installments of a member loan: pure arithmetic from the terms, the principal and the disbursement date.
 *
 * <p>Principal and interest of each installment are each rounded to the LED's step in its mode; the last
 * installment absorbs what rounding left, so the principals add up to the loan exactly and, for FLAT, the
 * interest adds up to round(P·i·n). Every amount is a multiple of the step, except the last principal when
 * the loan itself is not one, and none is negative (see {@link EvenShare} and {@link AnnuitySchedule}).
 *
 * <p>Example (FLAT, step 1,000 half up): 3,500,000 at 1.5 % a month over 12 is 291,666.67 → 292,000
 * principal × 11 and 288,000 last; interest 52,500 → 53,000 × 11 and 630,000 − 583,000 = 47,000 last.
 */
public final class ScheduleCalculator {

    private ScheduleCalculator() {
    }

    public static List<ScheduledInstallment> schedule(LoanTerms terms, Amount principal, LocalDate disbursedOn) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(disbursedOn, "disbursedOn");
        if (!principal.isPositive()) {
            throw new IllegalArgumentException("a loan's principal is positive, not " + principal);
        }
        BigDecimal p = principal.value();
        List<Part> parts = switch (terms.method()) {
            case FLAT -> flat(terms, p);
            case EQUAL_PRINCIPAL -> equalPrincipal(terms, p);
            // At rate 0 the annuity is P/n': the equal-principal split, with no division by zero.
            case DECLINING_BALANCE -> terms.rate().isZero()
                    ? equalPrincipal(terms, p)
                    : AnnuitySchedule.parts(terms, p);
        };
        Frequency frequency = terms.rate().frequency();
        List<ScheduledInstallment> installments = new ArrayList<>(parts.size());
        for (int k = 1; k <= parts.size(); k++) {
            Part part = parts.get(k - 1);
            installments.add(new ScheduledInstallment(k, DueDates.dueOn(frequency, disbursedOn, k),
                    Amount.of(part.principal()), Amount.of(part.interest())));
        }
        return List.copyOf(installments);
    }

    /**
     * FLAT (bunga flat): interest P·i on every installment, grace ones included, the last adjusted so the
     * total is round(P·i·n); principal P/n' on each amortizing installment.
     */
    private static List<Part> flat(LoanTerms terms, BigDecimal principal) {
        int n = terms.installments();
        Rounding rounding = terms.rounding();
        PeriodRate rate = terms.rate();
        BigDecimal totalInterest = rate.interestOn(principal, n, rounding);
        BigDecimal interest = EvenShare.of(rate.interestOn(principal, rounding),
                rate.interestRoundedDownOn(principal, rounding), n, totalInterest);
        BigDecimal share = EvenShare.split(principal, terms.amortizing(), rounding);
        List<Part> parts = new ArrayList<>(n);
        BigDecimal outstanding = principal;
        for (int k = 1; k <= n; k++) {
            boolean last = k == n;
            BigDecimal repaid = k <= terms.graceInstallments() ? BigDecimal.ZERO : last ? outstanding : share;
            BigDecimal charged = last ? totalInterest.subtract(interest.multiply(BigDecimal.valueOf(n - 1L)))
                    : interest;
            parts.add(new Part(repaid, charged));
            outstanding = outstanding.subtract(repaid);
        }
        return parts;
    }

    /** EQUAL_PRINCIPAL (and DECLINING_BALANCE at rate 0): P/n' principal, interest on the outstanding. */
    private static List<Part> equalPrincipal(LoanTerms terms, BigDecimal principal) {
        int n = terms.installments();
        BigDecimal share = EvenShare.split(principal, terms.amortizing(), terms.rounding());
        List<Part> parts = new ArrayList<>(n);
        BigDecimal outstanding = principal;
        for (int k = 1; k <= n; k++) {
            BigDecimal repaid = k <= terms.graceInstallments() ? BigDecimal.ZERO : k == n ? outstanding : share;
            parts.add(new Part(repaid, terms.rate().interestOn(outstanding, terms.rounding())));
            outstanding = outstanding.subtract(repaid);
        }
        return parts;
    }
}
