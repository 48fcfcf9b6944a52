package id.lumbung.loan.schedule;

import java.time.LocalDate;
import java.util.Objects;

/** When installment k falls due. */
public final class DueDates {

    private DueDates() {
    }

    /**
     * The due date of installment {@code k}. Monthly dates are each counted from the disbursement date, not
     * from the previous due date, so a loan disbursed on 31 January falls due on 28 (or 29) February, then
     * 31 March and 30 April — the day of the month never drifts down for good.
     */
    public static LocalDate dueOn(Frequency frequency, LocalDate disbursedOn, int k) {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(disbursedOn, "disbursedOn");
        if (k < 0) {
            throw new IllegalArgumentException("installment number must not be negative: " + k);
        }
        return switch (frequency) {
            case MONTHLY -> disbursedOn.plusMonths(k);
            case WEEKLY -> disbursedOn.plusDays(7L * k);
        };
    }
}
