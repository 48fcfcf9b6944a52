package id.lumbung.loan.reschedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import id.lumbung.loan.repayment.Allocator;
import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.loan.repayment.RepaymentTerms;
import id.lumbung.loan.schedule.LoanTerms;
import id.lumbung.loan.schedule.ScheduleCalculator;
import id.lumbung.money.Amount;

/**
 * A reschedule (restrukturisasi) as pure arithmetic: the new schedule version from the current
 * installments, the new terms and the day {@code on}.
 *
 * <p>Nothing owed is forgiven. The unpaid principal of every installment is the outstanding principal
 * the new version schedules from {@code on} (due dates counted from {@code on}). What the past
 * installments (due on or before {@code on}) still owe beyond principal moves to the new version's
 * first installment, keeping its kind: their unpaid interest as interest, and their penalty (charged
 * and unpaid, plus what accrued up to {@code on}) as charged penalty. Installments due after
 * {@code on} owe no interest yet; the new version's interest replaces theirs — except what an earlier
 * reschedule carried to a first installment not yet due, which carries on.
 *
 * <p>Example (FLAT 1.5 % a month, step 1,000, 0.1 %/day penalty): 3,000,000 over 10 months disbursed on
 * 1 January, installment 1 paid, 2 and 3 unpaid; rescheduled on 11 April (10 days after installment 3 fell
 * due) over 12 months at 1 %. Unpaid principal 2,700,000; carried interest 2 × 45,000 = 90,000; penalty
 * 345,000 × 0.1 % × 41 days = 14,145 → 14,000 on installment 2 and 345,000 × 0.1 % × 10 = 3,450 → 3,000 on
 * installment 3, 17,000 in all. The new schedule is 225,000 principal + 27,000 interest a month from 11 May;
 * its first installment owes 225,000 + 117,000 interest and 17,000 penalty.
 */
public final class Restructuring {

    /** What a reschedule produces, and the loan's arrears measures on {@code on}. */
    public record Result(Amount outstandingPrincipal, Amount carriedInterest, Amount carriedPenalty,
            int daysPastDue, int missedInstallments, List<InstallmentState> installments) {
    }

    private Restructuring() {
    }

    /** Whether there is principal left to reschedule. */
    public static boolean hasPrincipal(List<InstallmentState> current) {
        return current.stream().anyMatch(s -> s.unpaidPrincipal().isPositive());
    }

    /**
     * The new version's installments (numbered from 1, fresh but for what the first carries). The
     * current installments' states are the caller's to keep as the superseded version.
     */
    public static Result reschedule(List<InstallmentState> current, RepaymentTerms terms, LoanTerms newTerms,
            LocalDate on) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(newTerms, "newTerms");
        Objects.requireNonNull(on, "on");
        LoanPosition position = Allocator.position(current, terms, on);
        Amount carriedInterest = Amount.ZERO;
        Amount carriedPenalty = position.penaltyDue();
        int missed = 0;
        for (int k = 0; k < current.size(); k++) {
            InstallmentState s = current.get(k);
            if (!s.dueOn().isAfter(on)) {
                carriedInterest = carriedInterest.plus(s.unpaidInterest());
                if (s.unpaidPrincipal().plus(s.unpaidInterest()).isPositive()) {
                    missed++;
                }
            } else {
                // Rescheduled again before an earlier reschedule's first installment fell due: what that one
                // carried is still owed and carries on (only a carried penalty is charged before its due date).
                carriedPenalty = carriedPenalty.plus(s.unpaidPenaltyCharged());
                if (k == 0) {
                    Amount unpaid = s.unpaidInterest();
                    carriedInterest = carriedInterest.plus(unpaid.compareTo(terms.carriedInterest()) < 0 ? unpaid
                            : terms.carriedInterest());
                }
            }
        }
        Amount outstanding = position.outstandingPrincipal();
        List<InstallmentState> fresh = ScheduleCalculator.schedule(newTerms, outstanding, on).stream()
                .map(InstallmentState::fresh).toList();
        List<InstallmentState> installments = new ArrayList<>(fresh);
        InstallmentState first = fresh.get(0);
        installments.set(0, new InstallmentState(first.number(), first.dueOn(), first.principal(),
                first.interest().plus(carriedInterest), Amount.ZERO, Amount.ZERO, carriedPenalty, Amount.ZERO,
                null));
        return new Result(outstanding, carriedInterest, carriedPenalty, position.daysPastDue(), missed,
                List.copyOf(installments));
    }
}
