package id.lumbung.loan;

/** Where a loan is in its life: APPLIED → APPROVED → DISBURSED → CLOSED, or REJECTED (WRITTEN_OFF comes later). */
public enum LoanStatus {
    APPLIED,
    APPROVED,
    REJECTED,
    DISBURSED,
    CLOSED,
    WRITTEN_OFF
}
