package id.lumbung.loan.repayment;

import java.util.List;

import id.lumbung.money.Amount;

/**
 * The outcome of one payment: the totals paid, a line for each installment it touched, and every
 * installment as it stands after the payment, in the order given.
 */
public record Allocation(Amount penalty, Amount interest, Amount principal, List<AllocationLine> lines,
        List<InstallmentState> after) {

    public Allocation {
        lines = List.copyOf(lines);
        after = List.copyOf(after);
    }

    public Amount total() {
        return penalty.plus(interest).plus(principal);
    }
}
