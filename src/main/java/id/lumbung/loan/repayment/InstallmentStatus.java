package id.lumbung.loan.repayment;

/** How far an installment is paid. */
public enum InstallmentStatus {
    PENDING,
    PARTIAL,
    PAID
}
