package id.lumbung.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;

import id.lumbung.loan.repayment.AllocationOrder;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;

/**
 * An LED's lending settings as the services use them. A disbursed loan copies the rounding and
 * allocation order it was disbursed with, so a change here applies to loans disbursed afterwards.
 *
 * @param approvalThreshold           a loan whose principal exceeds it needs an approver other than its
 *                                    applicant (0: every loan does)
 * @param disbursementAccount         where disbursements are paid from by default (Bank: grants land there)
 * @param collectionAccount           where repayments and admin fees are taken in by default (Kas)
 * @param timeZone                    the LED's calendar for "today" in every effective-date check
 * @param adjustmentApprovalThreshold a manual adjustment above it waits for a second manager; null: off
 */
public record LendingSettings(
        Amount approvalThreshold,
        AllocationOrder allocationOrder,
        Rounding rounding,
        String disbursementAccount,
        String collectionAccount,
        ZoneId timeZone,
        Amount adjustmentApprovalThreshold) {

    /** The time zones of Indonesia's three calendars: WIB, WITA and WIT. */
    public static final java.util.List<String> TIME_ZONES = java.util.List.of("Asia/Jakarta", "Asia/Makassar",
            "Asia/Jayapura");

    /** What an LED that never changed its settings lends with, given its bank and cash accounts. */
    public static LendingSettings defaults(String bankCode, String cashCode) {
        return new LendingSettings(Amount.ZERO, AllocationOrder.PENALTY_INTEREST_PRINCIPAL,
                new Rounding(BigDecimal.ONE.setScale(2), RoundingMode.HALF_UP), bankCode, cashCode,
                ZoneId.of("Asia/Jakarta"), null);
    }

    /** Whether a loan of this principal needs a second person to approve it. */
    public boolean loanNeedsSecondPerson(Amount principal) {
        return principal.compareTo(approvalThreshold) > 0;
    }

    /** Whether a manual adjustment of this total waits for a second manager. */
    public boolean adjustmentNeedsSecondPerson(Amount total) {
        return adjustmentApprovalThreshold != null && total.compareTo(adjustmentApprovalThreshold) > 0;
    }
}
