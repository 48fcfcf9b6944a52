package id.lumbung.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;

import id.lumbung.loan.product.ProductTerms;
import id.lumbung.loan.repayment.RepaymentTerms;
import id.lumbung.loan.schedule.LoanTerms;
import id.lumbung.loan.schedule.PeriodRate;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;

/** The terms a loan runs on: its own installments and rate, its product's method, and what it was disbursed with. */
final class LoanTermsOf {

    private LoanTermsOf() {
    }

    static PeriodRate rate(Loan loan, ProductTerms product) {
        return new PeriodRate(loan.interestRate, product.ratePeriod(), product.frequency());
    }

    /** The schedule's terms, rounded as the LED rounds at disbursement. */
    static LoanTerms schedule(Loan loan, ProductTerms product, Rounding rounding) {
        return new LoanTerms(product.interestMethod(), rate(loan, product), loan.installments,
                product.graceInstallments(), rounding);
    }

    /** The terms repayments are allocated by: those fixed at disbursement. */
    static RepaymentTerms repayment(Loan loan, ProductTerms product) {
        return new RepaymentTerms(product.interestMethod(), rate(loan, product),
                product.penaltyRatePerDay() == null ? BigDecimal.ZERO : product.penaltyRatePerDay(), rounding(loan),
                loan.allocationOrder, Amount.of(loan.carriedInterest));
    }

    static Rounding rounding(Loan loan) {
        return new Rounding(loan.roundingStep, RoundingMode.valueOf(loan.roundingMode));
    }
}
