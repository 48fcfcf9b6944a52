package id.lumbung.loan.repayment;

import id.lumbung.money.Amount;

/** A payment larger than everything that can be paid on its day: the member would be owed change. */
public class RepaymentExceedsOutstanding extends RuntimeException {

    private final transient Amount payable;

    public RepaymentExceedsOutstanding(Amount amount, Amount payable) {
        super("a payment of " + amount + " exceeds the " + payable + " that can be paid on that day");
        this.payable = payable;
    }

    /** The most that could be paid on that day. */
    public Amount payable() {
        return payable;
    }
}
