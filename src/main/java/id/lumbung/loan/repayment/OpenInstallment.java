package id.lumbung.loan.repayment;

import java.time.LocalDate;

import id.lumbung.money.Amount;

/** One installment while a payment is being allocated: its state so far and what this payment did to it. */
final class OpenInstallment {

    private InstallmentState state;
    private Amount accrued = Amount.ZERO;
    private Amount penalty = Amount.ZERO;
    private Amount interest = Amount.ZERO;
    private Amount principal = Amount.ZERO;

    OpenInstallment(InstallmentState state) {
        this.state = state;
    }

    InstallmentState state() {
        return state;
    }

    /** Charges the penalty accrued up to {@code on}; the charged-through day never moves back. */
    void accrue(RepaymentTerms terms, LocalDate on) {
        if (!on.isAfter(Penalty.start(state))) {
            return;
        }
        Amount due = Penalty.accrued(state, terms, on);
        accrued = accrued.plus(due);
        state = new InstallmentState(state.number(), state.dueOn(), state.principal(), state.interest(),
                state.paidPrincipal(), state.paidInterest(), state.penaltyCharged().plus(due), state.paidPenalty(),
                on);
    }

    /** Pays what is owed of this installment in the given order from {@code money}; returns what is left. */
    Amount pay(AllocationOrder order, Amount money) {
        Amount left = money;
        if (order == AllocationOrder.PENALTY_INTEREST_PRINCIPAL) {
            left = payPenalty(left);
        }
        left = payInterest(left);
        left = payPrincipal(left);
        if (order == AllocationOrder.INTEREST_PRINCIPAL_PENALTY) {
            left = payPenalty(left);
        }
        return left;
    }

    Amount payPrincipal(Amount money) {
        Amount paid = min(money, state.unpaidPrincipal());
        principal = principal.plus(paid);
        state = new InstallmentState(state.number(), state.dueOn(), state.principal(), state.interest(),
                state.paidPrincipal().plus(paid), state.paidInterest(), state.penaltyCharged(), state.paidPenalty(),
                state.penaltyThrough());
        return money.minus(paid);
    }

    /** Sets the interest this installment owes; never below what has been paid of it. */
    void chargeInterest(Amount owed) {
        state = new InstallmentState(state.number(), state.dueOn(), state.principal(), owed,
                state.paidPrincipal(), state.paidInterest(), state.penaltyCharged(), state.paidPenalty(),
                state.penaltyThrough());
    }

    boolean touched() {
        return accrued.isPositive() || penalty.isPositive() || interest.isPositive() || principal.isPositive();
    }

    /** Whether this payment paid principal of it. */
    boolean principalPaid() {
        return principal.isPositive();
    }

    AllocationLine line() {
        return new AllocationLine(state.number(), accrued, penalty, interest, principal);
    }

    private Amount payInterest(Amount money) {
        Amount paid = min(money, state.unpaidInterest());
        interest = interest.plus(paid);
        state = new InstallmentState(state.number(), state.dueOn(), state.principal(), state.interest(),
                state.paidPrincipal(), state.paidInterest().plus(paid), state.penaltyCharged(), state.paidPenalty(),
                state.penaltyThrough());
        return money.minus(paid);
    }

    private Amount payPenalty(Amount money) {
        Amount paid = min(money, state.unpaidPenaltyCharged());
        penalty = penalty.plus(paid);
        state = new InstallmentState(state.number(), state.dueOn(), state.principal(), state.interest(),
                state.paidPrincipal(), state.paidInterest(), state.penaltyCharged(), state.paidPenalty().plus(paid),
                state.penaltyThrough());
        return money.minus(paid);
    }

    private static Amount min(Amount a, Amount b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
