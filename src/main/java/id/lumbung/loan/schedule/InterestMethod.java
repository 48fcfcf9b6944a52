package id.lumbung.loan.schedule;

/** How a loan charges interest (jasa pinjaman) over its installments. */
public enum InterestMethod {
    /** Interest on the original principal every installment, the usual "bunga flat" of village lenders. */
    FLAT,
    /** Equal installments (annuity); interest on the outstanding principal. */
    DECLINING_BALANCE,
    /** Equal principal each installment; interest on the outstanding principal, so installments shrink. */
    EQUAL_PRINCIPAL
}
