package id.lumbung.loan.repayment;

/** The order in which a payment settles the parts of one installment, as the LED's policy sets it. */
public enum AllocationOrder {
    /** Penalty (denda) first, then interest, then principal. */
    PENALTY_INTEREST_PRINCIPAL,
    /** Interest, then principal, penalty last. */
    INTEREST_PRINCIPAL_PENALTY
}
