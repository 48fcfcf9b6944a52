package id.lumbung.loan.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import id.lumbung.loan.schedule.Frequency;
import id.lumbung.loan.schedule.InterestMethod;
import id.lumbung.loan.schedule.LoanTerms;
import id.lumbung.loan.schedule.PeriodRate;
import id.lumbung.loan.schedule.RatePeriod;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.loan.schedule.ScheduleCalculator;
import id.lumbung.money.Amount;

/** Loans and repayment terms the allocator tests start from. */
final class Loans {

    /** 3,000,000 FLAT at 1.5 % a month over 10, disbursed 1 February 2026: 300,000 + 45,000 from 1 March. */
    static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);

    private Loans() {
    }

    static PeriodRate monthly(String percent) {
        return new PeriodRate(new BigDecimal(percent), RatePeriod.MONTH, Frequency.MONTHLY);
    }

    static List<InstallmentState> fresh(InterestMethod method, PeriodRate rate, int n, long principal,
            LocalDate disbursedOn) {
        LoanTerms terms = new LoanTerms(method, rate, n, 0, Rounding.WHOLE_RUPIAH);
        return ScheduleCalculator.schedule(terms, Amount.ofRupiah(principal), disbursedOn).stream()
                .map(InstallmentState::fresh).toList();
    }

    static List<InstallmentState> flatLoan() {
        return fresh(InterestMethod.FLAT, monthly("1.5"), 10, 3_000_000, FEB_1);
    }

    /** Repayment terms at 0.1 % penalty a day, whole rupiah half up. */
    static RepaymentTerms terms(InterestMethod method, PeriodRate rate, AllocationOrder order) {
        return new RepaymentTerms(method, rate, new BigDecimal("0.1"), Rounding.WHOLE_RUPIAH, order);
    }

    static RepaymentTerms flatTerms(AllocationOrder order) {
        return terms(InterestMethod.FLAT, monthly("1.5"), order);
    }

    static Amount rp(long rupiah) {
        return Amount.ofRupiah(rupiah);
    }
}
