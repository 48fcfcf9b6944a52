package id.lumbung.loan.product;

import java.math.BigDecimal;

import id.lumbung.loan.schedule.Frequency;
import id.lumbung.loan.schedule.InterestMethod;
import id.lumbung.loan.schedule.RatePeriod;

/** What a running loan needs of its product: the terms, which never change once the product exists. */
public record ProductTerms(InterestMethod interestMethod, RatePeriod ratePeriod, Frequency frequency,
        int graceInstallments, BigDecimal adminFeePercent, BigDecimal penaltyRatePerDay) {

    static ProductTerms of(LoanProduct product) {
        return new ProductTerms(product.interestMethod, product.ratePeriod, product.frequency,
                product.graceInstallments, product.adminFeePercent, product.penaltyRatePerDay);
    }
}
