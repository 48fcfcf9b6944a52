package id.lumbung.loan.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Declining-balance installments: equal payments A = P·i / (1 − (1 + i)^−n) over the amortizing
 * installments, interest on the outstanding principal, the last installment paying off what is left.
 *
 * <p>A is rounded in the LED's mode unless that would repay the loan before the last installment (rounding
 * A up by nearly a step, n times, can exceed what the last one holds); then A is rounded down. Interest
 * rounded down can still, rarely, overshoot, so each principal is finally held within the outstanding.
 */
final class AnnuitySchedule {

    private AnnuitySchedule() {
    }

    static List<Part> parts(LoanTerms terms, BigDecimal principal) {
        PeriodRate rate = terms.rate();
        Rounding rounding = terms.rounding();
        BigDecimal exact = payment(rate.decimal(), terms.amortizing(), principal);
        BigDecimal payment = rounding.round(exact);
        if (overshoots(terms, principal, payment)) {
            payment = rounding.roundDown(exact);
        }
        List<Part> parts = new ArrayList<>(terms.installments());
        BigDecimal outstanding = principal;
        for (int k = 1; k <= terms.installments(); k++) {
            BigDecimal interest = rate.interestOn(outstanding, rounding);
            BigDecimal repaid;
            if (k <= terms.graceInstallments()) {
                repaid = BigDecimal.ZERO;
            } else if (k == terms.installments()) {
                repaid = outstanding;
            } else {
                // Held to the whole steps of the outstanding, so a sub-step remainder (sen) stays for the last.
                repaid = payment.subtract(interest).max(BigDecimal.ZERO).min(rounding.roundDown(outstanding));
            }
            parts.add(new Part(repaid, interest));
            outstanding = outstanding.subtract(repaid);
        }
        return parts;
    }

    /** The exact annuity payment; i > 0. */
    static BigDecimal payment(BigDecimal i, int n, BigDecimal principal) {
        BigDecimal growth = BigDecimal.ONE.add(i).pow(n, MathContext.DECIMAL128);
        return principal.multiply(i).multiply(growth)
                .divide(growth.subtract(BigDecimal.ONE), MathContext.DECIMAL128);
    }

    /** Whether paying {@code payment} would leave a negative principal for the last installment. */
    private static boolean overshoots(LoanTerms terms, BigDecimal principal, BigDecimal payment) {
        BigDecimal outstanding = principal;
        for (int k = 1; k < terms.amortizing(); k++) {
            BigDecimal interest = terms.rate().interestOn(outstanding, terms.rounding());
            outstanding = outstanding.subtract(payment.subtract(interest));
            if (outstanding.signum() < 0) {
                return true;
            }
        }
        return false;
    }
}
