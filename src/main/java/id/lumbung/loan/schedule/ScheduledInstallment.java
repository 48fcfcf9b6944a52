package id.lumbung.loan.schedule;

import java.time.LocalDate;
import java.util.Objects;

import id.lumbung.money.Amount;

/** One installment (angsuran) of a schedule as agreed at disbursement. */
public record ScheduledInstallment(int number, LocalDate dueOn, Amount principal, Amount interest) {

    public ScheduledInstallment {
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(interest, "interest");
    }

    public Amount total() {
        return principal.plus(interest);
    }
}
