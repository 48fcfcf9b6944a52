package id.lumbung.loan.product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import id.lumbung.loan.schedule.LoanTerms;
import id.lumbung.loan.schedule.PeriodRate;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;

/**
 * A loan's terms as a product offers them to one borrower: the principal asked for and, where the
 * product allows it, fewer or more installments or a lower rate. Checked against the product's
 * bounds; a rate override may lower the product's rate, never raise it.
 */
public record LoanOffer(LoanProduct product, Amount principal, int installments, BigDecimal interestRate) {

    /** The offer, or 422 {@code outside-product-bounds} naming each field outside the product's bounds. */
    public static LoanOffer of(LoanProduct product, Amount principal, Integer installments, BigDecimal interestRate) {
        List<Problem.FieldError> outside = new ArrayList<>();
        if (!principal.isPositive()) {
            throw ApiException.invalidField("principal", "must be greater than zero");
        }
        if (product.minPrincipal != null && principal.value().compareTo(product.minPrincipal) < 0) {
            outside.add(new Problem.FieldError("principal", "must be at least "
                    + Amount.of(product.minPrincipal) + " for " + product.name));
        }
        if (product.maxPrincipal != null && principal.value().compareTo(product.maxPrincipal) > 0) {
            outside.add(new Problem.FieldError("principal", "must be at most "
                    + Amount.of(product.maxPrincipal) + " for " + product.name));
        }
        int n = installments == null ? product.installments : installments;
        int min = product.minInstallments == null ? product.installments : product.minInstallments;
        int max = product.maxInstallments == null ? product.installments : product.maxInstallments;
        if (n < min || n > max) {
            outside.add(new Problem.FieldError("installments", min == max ? "must be " + min + " for " + product.name
                    : "must be between " + min + " and " + max + " for " + product.name));
        } else if (n <= product.graceInstallments) {
            outside.add(new Problem.FieldError("installments", "must be more than the product's "
                    + product.graceInstallments + " grace installments"));
        }
        BigDecimal rate = interestRate == null ? product.interestRate : interestRate;
        if (rate.signum() < 0 || rate.compareTo(product.interestRate) > 0) {
            outside.add(new Problem.FieldError("interestRate", "must be between 0 and the product's rate "
                    + LoanProductView.plainRate(product.interestRate)));
        }
        if (!outside.isEmpty()) {
            throw ApiException.ofFields(ProblemType.OUTSIDE_PRODUCT_BOUNDS, outside,
                    "terms are outside the product's bounds");
        }
        return new LoanOffer(product, principal, n, rate);
    }

    /** The schedule terms of this offer, rounded as the LED rounds. */
    public LoanTerms terms(Rounding rounding) {
        return new LoanTerms(product.interestMethod, new PeriodRate(interestRate, product.ratePeriod,
                product.frequency), installments, product.graceInstallments, rounding);
    }
}
