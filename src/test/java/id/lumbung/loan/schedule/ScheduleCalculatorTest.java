package id.lumbung.loan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.lumbung.money.Amount;

/** The schedule calculator's rules, each pinned by an example worked by hand. */
class ScheduleCalculatorTest {

    private static final LocalDate JAN_31 = LocalDate.of(2026, 1, 31);
    private static final Rounding THOUSAND = new Rounding(new BigDecimal("1000"), RoundingMode.HALF_UP);

    @Test
    void flatChargesInterestOnTheOriginalPrincipal() {
        // 3,000,000 / 10 = 300,000 principal; 1.5 % × 3,000,000 = 45,000 interest, every installment.
        List<ScheduledInstallment> s = schedule(InterestMethod.FLAT, monthly("1.5"), 10, 0, Rounding.WHOLE_RUPIAH,
                "3000000");
        assertEquals(10, s.size());
        for (ScheduledInstallment i : s) {
            assertEquals(rp(300_000), i.principal());
            assertEquals(rp(45_000), i.interest());
            assertEquals(rp(345_000), i.total());
        }
        assertEquals(rp(450_000), interest(s));
        assertEquals(rp(3_000_000), principal(s));
    }

    @Test
    void flatAtAThousandStepLetsTheLastAbsorbPrincipalAndInterest() {
        // 3,500,000 / 12 = 291,666.67 → 292,000; 11 × 292,000 = 3,212,000, so the last is 288,000.
        // 1.5 % × 3,500,000 = 52,500 → 53,000; round(52,500 × 12) = 630,000, so the last is 47,000.
        List<ScheduledInstallment> s = schedule(InterestMethod.FLAT, monthly("1.5"), 12, 0, THOUSAND, "3500000");
        for (ScheduledInstallment i : s.subList(0, 11)) {
            assertEquals(rp(292_000), i.principal());
            assertEquals(rp(53_000), i.interest());
        }
        assertEquals(rp(288_000), s.get(11).principal());
        assertEquals(rp(47_000), s.get(11).interest());
        assertEquals(rp(630_000), interest(s));
    }

    @Test
    void roundsTheShareDownWhenTheLedsModeWouldLeaveTheLastNegative() {
        // 100,000 / 40 = 2,500 → 3,000 half up, but 39 × 3,000 = 117,000 > 100,000: rounded down to 2,000,
        // 39 × 2,000 = 78,000 leaves 22,000 for the last.
        for (InterestMethod method : List.of(InterestMethod.FLAT, InterestMethod.EQUAL_PRINCIPAL,
                InterestMethod.DECLINING_BALANCE)) {
            PeriodRate zero = new PeriodRate(BigDecimal.ZERO, RatePeriod.YEAR, Frequency.WEEKLY);
            List<ScheduledInstallment> s = schedule(method, zero, 40, 0, THOUSAND, "100000");
            for (ScheduledInstallment i : s.subList(0, 39)) {
                assertEquals(rp(2_000), i.principal(), method.name());
                assertEquals(Amount.ZERO, i.interest(), method.name());
            }
            assertEquals(rp(22_000), s.get(39).principal(), method.name());
        }
    }

    @Test
    void flatInterestFallsBackToRoundingDownToo() {
        // 1 % × 150,000 = 1,500 → 2,000 half up, but round(1,500 × 6) = 9,000 < 5 × 2,000 = 10,000 would leave
        // the last −1,000: rounded down, 1,000 × 5 leaves 9,000 − 5,000 = 4,000 for the last.
        List<ScheduledInstallment> s = schedule(InterestMethod.FLAT, monthly("1"), 6, 0, THOUSAND, "150000");
        for (ScheduledInstallment i : s.subList(0, 5)) {
            assertEquals(rp(1_000), i.interest());
        }
        assertEquals(rp(4_000), s.get(5).interest());
        assertEquals(rp(9_000), interest(s));
    }

    @Test
    void decliningBalanceIsAnAnnuity() {
        // A = 1,000,000 × 0.01 / (1 − 1.01^−12) = 88,848.79 → 88,849. Installment 1: 1 % × 1,000,000 = 10,000
        // interest, 78,849 principal. The last pays the 87,967 left plus 1 % of it (879.67 → 880) = 88,847.
        List<ScheduledInstallment> s = schedule(InterestMethod.DECLINING_BALANCE, yearly("12"), 12, 0,
                Rounding.WHOLE_RUPIAH, "1000000");
        assertEquals(rp(10_000), s.get(0).interest());
        assertEquals(rp(78_849), s.get(0).principal());
        for (ScheduledInstallment i : s.subList(0, 11)) {
            assertEquals(rp(88_849), i.total());
        }
        assertEquals(rp(87_967), s.get(11).principal());
        assertEquals(rp(880), s.get(11).interest());
        assertEquals(rp(88_847), s.get(11).total());
        assertEquals(rp(66_186), interest(s));
        assertEquals(rp(1_000_000), principal(s));
    }

    @Test
    void annuityRoundsDownWhenTheLedsModeWouldRepayTooSoon() {
        // A = 100,000 × 0.01 / (1 − 1.01^−20) = 5,541.53 → 6,000 half up at step 1,000. Then interest is 1,000
        // while 50,000 or more is outstanding (1 % rounds half up), 0 below: 5,000 × 11 leaves 45,000, and
        // 8 × 6,000 more would be 48,000 — the last would be −3,000. So A = 5,000: 4,000 + 1,000 thirteen
        // times leaves 48,000; then 5,000 + 0 six times leaves 18,000 for the last (interest 180 → 0).
        List<ScheduledInstallment> s = schedule(InterestMethod.DECLINING_BALANCE, monthly("1"), 20, 0, THOUSAND,
                "100000");
        for (ScheduledInstallment i : s.subList(0, 13)) {
            assertEquals(rp(4_000), i.principal());
            assertEquals(rp(1_000), i.interest());
        }
        for (ScheduledInstallment i : s.subList(13, 19)) {
            assertEquals(rp(5_000), i.principal());
            assertEquals(Amount.ZERO, i.interest());
        }
        assertEquals(rp(18_000), s.get(19).principal());
        assertEquals(Amount.ZERO, s.get(19).interest());
    }

    @Test
    void annuityHoldsEachPrincipalWithinTheOutstanding() {
        // Step 1,000 rounding down: A = 6,098.20 → 6,000. Installment 1: interest 1,000, principal 5,000
        // (95,000 left); from then on 1 % rounds down to 0, so 6,000 principal × 15 leaves 5,000 after
        // installment 16. Installment 17 can repay only those 5,000, and the last has nothing left to pay.
        List<ScheduledInstallment> s = schedule(InterestMethod.DECLINING_BALANCE, monthly("1"), 18, 0,
                new Rounding(new BigDecimal("1000"), RoundingMode.DOWN), "100000");
        assertEquals(rp(5_000), s.get(0).principal());
        assertEquals(rp(1_000), s.get(0).interest());
        for (ScheduledInstallment i : s.subList(1, 16)) {
            assertEquals(rp(6_000), i.principal());
            assertEquals(Amount.ZERO, i.interest());
        }
        assertEquals(rp(5_000), s.get(16).principal());
        assertEquals(Amount.ZERO, s.get(17).total());
        assertEquals(rp(100_000), principal(s));
    }

    @Test
    void decliningBalanceAtRateZeroSplitsThePrincipal() {
        // 1,000,000 / 3 = 333,333.33 → 333,333 twice, 333,334 last; no interest and no division by zero.
        List<ScheduledInstallment> s = schedule(InterestMethod.DECLINING_BALANCE, monthly("0"), 3, 0,
                Rounding.WHOLE_RUPIAH, "1000000");
        assertEquals(List.of(rp(333_333), rp(333_333), rp(333_334)),
                s.stream().map(ScheduledInstallment::principal).toList());
        assertEquals(Amount.ZERO, interest(s));
    }

    @Test
    void equalPrincipalChargesInterestOnTheOutstanding() {
        // 1,200,000 / 3 = 400,000 each; interest 1 % of 1,200,000, 800,000, 400,000.
        List<ScheduledInstallment> s = schedule(InterestMethod.EQUAL_PRINCIPAL, monthly("1"), 3, 0,
                Rounding.WHOLE_RUPIAH, "1200000");
        assertEquals(List.of(rp(12_000), rp(8_000), rp(4_000)),
                s.stream().map(ScheduledInstallment::interest).toList());
        assertEquals(List.of(rp(400_000), rp(400_000), rp(400_000)),
                s.stream().map(ScheduledInstallment::principal).toList());
    }

    @Test
    void flatGraceInstallmentsCarryInterestOnly() {
        // Two grace months: 0 + 45,000; then 3,000,000 / 8 = 375,000 + 45,000. Total interest 10 × 45,000.
        List<ScheduledInstallment> s = schedule(InterestMethod.FLAT, monthly("1.5"), 10, 2, Rounding.WHOLE_RUPIAH,
                "3000000");
        for (ScheduledInstallment i : s.subList(0, 2)) {
            assertEquals(Amount.ZERO, i.principal());
            assertEquals(rp(45_000), i.interest());
        }
        for (ScheduledInstallment i : s.subList(2, 10)) {
            assertEquals(rp(375_000), i.principal());
            assertEquals(rp(45_000), i.interest());
        }
        assertEquals(rp(450_000), interest(s));
    }

    @Test
    void equalPrincipalGrace() {
        // One grace month: 0 + 12,000; then 400,000 each with 1 % of 1,200,000, 1,200,000, 800,000, 400,000.
        List<ScheduledInstallment> s = schedule(InterestMethod.EQUAL_PRINCIPAL, monthly("1"), 4, 1,
                Rounding.WHOLE_RUPIAH, "1200000");
        assertEquals(List.of(Amount.ZERO, rp(400_000), rp(400_000), rp(400_000)),
                s.stream().map(ScheduledInstallment::principal).toList());
        assertEquals(List.of(rp(12_000), rp(12_000), rp(8_000), rp(4_000)),
                s.stream().map(ScheduledInstallment::interest).toList());
    }

    @Test
    void decliningBalanceGraceComputesTheAnnuityOverTheRest() {
        // One grace month: 0 + 12,000. Then A over 3 = 1,200,000 × 0.01 × 1.01^3 / (1.01^3 − 1) = 408,026.53
        // → 408,027: 12,000 + 396,027 (803,973 left); 8,039.73 → 8,040 + 399,987 (403,986 left);
        // last 403,986 + 4,039.86 → 4,040.
        List<ScheduledInstallment> s = schedule(InterestMethod.DECLINING_BALANCE, monthly("1"), 4, 1,
                Rounding.WHOLE_RUPIAH, "1200000");
        assertEquals(List.of(Amount.ZERO, rp(396_027), rp(399_987), rp(403_986)),
                s.stream().map(ScheduledInstallment::principal).toList());
        assertEquals(List.of(rp(12_000), rp(12_000), rp(8_040), rp(4_040)),
                s.stream().map(ScheduledInstallment::interest).toList());
    }

    @Test
    void aPrincipalWithSenLeavesTheSenToTheLastInstallment() {
        // 1,000,000.50 / 4 = 250,000.125 → 250,000; the last takes 250,000.50.
        List<ScheduledInstallment> s = schedule(InterestMethod.EQUAL_PRINCIPAL, monthly("0"), 4, 0,
                Rounding.WHOLE_RUPIAH, "1000000.50");
        assertEquals(Amount.of(new BigDecimal("250000.50")), s.get(3).principal());
        assertEquals(rp(250_000), s.get(2).principal());
    }

    @Test
    void dueDatesComeFromTheDisbursementDate() {
        List<ScheduledInstallment> s = schedule(InterestMethod.FLAT, monthly("1.5"), 3, 0, Rounding.WHOLE_RUPIAH,
                "3000000");
        assertEquals(List.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30)),
                s.stream().map(ScheduledInstallment::dueOn).toList());
        assertEquals(List.of(1, 2, 3), s.stream().map(ScheduledInstallment::number).toList());
    }

    @Test
    void weeklyInstallments() {
        PeriodRate weekly = new PeriodRate(new BigDecimal("26"), RatePeriod.YEAR, Frequency.WEEKLY);
        // 26 % a year paid weekly is 0.5 % a week: 520,000 / 4 = 130,000 + 2,600 flat.
        List<ScheduledInstallment> s = ScheduleCalculator.schedule(
                new LoanTerms(InterestMethod.FLAT, weekly, 4, 0, Rounding.WHOLE_RUPIAH), rp(520_000),
                LocalDate.of(2026, 3, 2));
        assertEquals(List.of(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23),
                LocalDate.of(2026, 3, 30)), s.stream().map(ScheduledInstallment::dueOn).toList());
        assertEquals(rp(132_600), s.get(0).total());
    }

    @Test
    void refusesTermsAndPrincipalsThatMakeNoLoan() {
        PeriodRate rate = monthly("1");
        assertThrows(IllegalArgumentException.class,
                () -> new LoanTerms(InterestMethod.FLAT, rate, 0, 0, Rounding.WHOLE_RUPIAH));
        assertThrows(IllegalArgumentException.class,
                () -> new LoanTerms(InterestMethod.FLAT, rate, 3, 3, Rounding.WHOLE_RUPIAH));
        assertThrows(IllegalArgumentException.class,
                () -> new LoanTerms(InterestMethod.FLAT, rate, 3, -1, Rounding.WHOLE_RUPIAH));
        LoanTerms terms = new LoanTerms(InterestMethod.FLAT, rate, 3, 0, Rounding.WHOLE_RUPIAH);
        assertThrows(IllegalArgumentException.class, () -> ScheduleCalculator.schedule(terms, Amount.ZERO, JAN_31));
    }

    static List<ScheduledInstallment> schedule(InterestMethod method, PeriodRate rate, int n, int grace,
            Rounding rounding, String principal) {
        return ScheduleCalculator.schedule(new LoanTerms(method, rate, n, grace, rounding),
                Amount.of(new BigDecimal(principal)), JAN_31);
    }

    static PeriodRate monthly(String percent) {
        return new PeriodRate(new BigDecimal(percent), RatePeriod.MONTH, Frequency.MONTHLY);
    }

    static PeriodRate yearly(String percent) {
        return new PeriodRate(new BigDecimal(percent), RatePeriod.YEAR, Frequency.MONTHLY);
    }

    static Amount rp(long rupiah) {
        return Amount.ofRupiah(rupiah);
    }

    static Amount interest(List<ScheduledInstallment> s) {
        return s.stream().map(ScheduledInstallment::interest).reduce(Amount.ZERO, Amount::plus);
    }

    static Amount principal(List<ScheduledInstallment> s) {
        return s.stream().map(ScheduledInstallment::principal).reduce(Amount.ZERO, Amount::plus);
    }
}
