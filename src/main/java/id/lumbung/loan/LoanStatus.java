package id.lumbung.loan;

/**
 * Where a loan is in its life: APPLIED → APPROVED → DISBURSED → CLOSED (fully repaid), or REJECTED;
 * a DISBURSED loan the LED no longer expects to collect is WRITTEN_OFF.
 */
public enum LoanStatus {
    APPLIED,
    APPROVED,
    REJECTED,
    DISBURSED,
    CLOSED,
    WRITTEN_OFF
}
