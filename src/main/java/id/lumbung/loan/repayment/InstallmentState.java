package id.lumbung.loan.repayment;

import java.time.LocalDate;
import java.util.Objects;

import id.lumbung.loan.schedule.ScheduledInstallment;
import id.lumbung.money.Amount;

/**
 * The current state of one installment: what it owes, what has been paid of it, and the penalty (denda)
 * charged on it so far.
 *
 * <p>{@code penaltyThrough} is the day up to which penalty has been charged into {@code penaltyCharged};
 * null when nothing has been charged yet, so accrual starts the day after {@code dueOn}.
 */
public record InstallmentState(int number, LocalDate dueOn, Amount principal, Amount interest,
        Amount paidPrincipal, Amount paidInterest, Amount penaltyCharged, Amount paidPenalty,
        LocalDate penaltyThrough) {

    public InstallmentState {
        Objects.requireNonNull(dueOn, "dueOn");
        owed("principal", principal, paidPrincipal);
        owed("interest", interest, paidInterest);
        owed("penalty", penaltyCharged, paidPenalty);
    }

    /** The state of an installment nothing has been paid of. */
    public static InstallmentState fresh(ScheduledInstallment s) {
        return new InstallmentState(s.number(), s.dueOn(), s.principal(), s.interest(), Amount.ZERO, Amount.ZERO,
                Amount.ZERO, Amount.ZERO, null);
    }

    public Amount unpaidPrincipal() {
        return principal.minus(paidPrincipal);
    }

    public Amount unpaidInterest() {
        return interest.minus(paidInterest);
    }

    public Amount unpaidPenaltyCharged() {
        return penaltyCharged.minus(paidPenalty);
    }

    /** Principal, interest and the penalty charged so far all paid. */
    public boolean settled() {
        return unpaidPrincipal().isZero() && unpaidInterest().isZero() && unpaidPenaltyCharged().isZero();
    }

    public InstallmentStatus status() {
        if (settled()) {
            return InstallmentStatus.PAID;
        }
        boolean anyPaid = paidPrincipal.isPositive() || paidInterest.isPositive() || paidPenalty.isPositive();
        return anyPaid ? InstallmentStatus.PARTIAL : InstallmentStatus.PENDING;
    }

    private static void owed(String what, Amount owed, Amount paid) {
        Objects.requireNonNull(owed, what);
        Objects.requireNonNull(paid, "paid " + what);
        if (owed.value().signum() < 0 || paid.value().signum() < 0 || paid.compareTo(owed) > 0) {
            throw new IllegalArgumentException(
                    what + " owed " + owed + " and paid " + paid + ": neither negative, paid at most owed");
        }
    }
}
