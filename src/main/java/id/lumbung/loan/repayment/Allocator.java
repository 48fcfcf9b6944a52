package id.lumbung.loan.repayment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import id.lumbung.loan.schedule.InterestMethod;
import id.lumbung.money.Amount;

/**
 * Where a member's payment goes: pure arithmetic from the installments' states, the terms and the day paid.
 *
 * <p>The oldest installment due on or before the day is settled first, each in the order the LED chose
 * (penalty → interest → principal, or interest → principal → penalty). Visiting an overdue installment
 * first charges the penalty (denda) accrued on its unpaid principal and interest since the later of its due
 * date and the day penalty was last charged through, rounded once. Whatever is left after everything due
 * prepays principal from the last installment backwards, so the term shortens. Then interest follows the
 * loan's method:
 *
 * <ul>
 * <li>FLAT: an installment keeps its interest while any of its principal remains and owes none once a
 * prepayment empties it. Example: 3,000,000 at 1.5 % a month over 10 is 300,000 + 45,000 each; 645,000 paid
 * on the first due date settles installment 1 and prepays all 300,000 of installment 10, whose 45,000
 * interest is waived — the loan now ends with installment 9.
 * <li>DECLINING_BALANCE and EQUAL_PRINCIPAL: interest is owed on the principal still outstanding, so every
 * later installment with no interest paid yet is recomputed: interest_k = round(i × Σ_{j ≥ k} unpaid
 * principal_j). Example: 1,200,000 at 1 % a month over 3 (annuity 408,027) is 396,027 + 12,000, 399,987 +
 * 8,040, 403,986 + 4,040. Paying 708,027 on the first due date settles installment 1 and prepays 300,000 of
 * installment 3 (103,986 left); installment 2 then owes 1 % × (399,987 + 103,986) = 5,039.73 → 5,040 and
 * installment 3 owes 1 % × 103,986 = 1,039.86 → 1,040.
 * </ul>
 *
 * <p>A rescheduled loan's first installment also owes the interest its reschedule carried over
 * ({@link RepaymentTerms#carriedInterest()}); repricing keeps it on top of what the method computes.
 *
 * <p>Installments are given in order of number, due dates not decreasing; every result keeps that order.
 */
public final class Allocator {

    private Allocator() {
    }

    /** Allocates {@code amount}, paid on {@code paidOn}; refuses more than {@link #payable} that day. */
    public static Allocation allocate(List<InstallmentState> installments, RepaymentTerms terms, Amount amount,
            LocalDate paidOn) {
        check(installments, terms, paidOn);
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment is positive, not " + amount);
        }
        Amount payable = payable(installments, terms, paidOn);
        if (amount.compareTo(payable) > 0) {
            throw new RepaymentExceedsOutstanding(amount, payable);
        }
        List<OpenInstallment> open = installments.stream().map(OpenInstallment::new).toList();
        Amount left = amount;
        for (OpenInstallment o : open) {
            if (!left.isPositive()) {
                break;
            }
            if (!o.state().dueOn().isAfter(paidOn) && !o.state().settled()) {
                o.accrue(terms, paidOn);
                left = o.pay(terms.order(), left);
            }
        }
        if (left.isPositive()) {
            for (int k = open.size() - 1; k >= 0 && left.isPositive(); k--) {
                left = open.get(k).payPrincipal(left);
            }
            reprice(open, terms, paidOn);
        }
        return result(open);
    }

    /**
     * Everything that can be paid on {@code paidOn}: all unpaid principal, and of the installments due on or
     * before that day their unpaid interest and penalty, charged or accrued up to the day.
     */
    public static Amount payable(List<InstallmentState> installments, RepaymentTerms terms, LocalDate paidOn) {
        check(installments, terms, paidOn);
        Amount total = Amount.ZERO;
        for (InstallmentState s : installments) {
            total = total.plus(s.unpaidPrincipal());
            if (!s.dueOn().isAfter(paidOn)) {
                total = total.plus(s.unpaidInterest()).plus(Penalty.owed(s, terms, paidOn));
            }
        }
        return total;
    }

    /** The loan as it stands on {@code asOf}, changing nothing (see {@link LoanPosition}). */
    public static LoanPosition position(List<InstallmentState> installments, RepaymentTerms terms, LocalDate asOf) {
        check(installments, terms, asOf);
        Amount outstanding = Amount.ZERO;
        Amount interestDue = Amount.ZERO;
        Amount penaltyDue = Amount.ZERO;
        Amount arrears = Amount.ZERO;
        int inArrears = 0;
        LocalDate oldestArrears = null;
        InstallmentState next = null;
        for (InstallmentState s : installments) {
            Amount unpaid = s.unpaidPrincipal().plus(s.unpaidInterest());
            outstanding = outstanding.plus(s.unpaidPrincipal());
            if (!s.dueOn().isAfter(asOf)) {
                interestDue = interestDue.plus(s.unpaidInterest());
                penaltyDue = penaltyDue.plus(Penalty.owed(s, terms, asOf));
            }
            if (s.dueOn().isBefore(asOf) && unpaid.isPositive()) {
                inArrears++;
                arrears = arrears.plus(unpaid);
                oldestArrears = oldestArrears == null ? s.dueOn() : oldestArrears;
            }
            if (next == null && !s.dueOn().isBefore(asOf) && !s.settled()) {
                next = s;
            }
        }
        int daysPastDue = oldestArrears == null ? 0 : Math.toIntExact(ChronoUnit.DAYS.between(oldestArrears, asOf));
        return new LoanPosition(outstanding, interestDue, penaltyDue, daysPastDue, inArrears,
                arrears.plus(penaltyDue), next == null ? null : next.dueOn(),
                next == null ? null : next.unpaidPrincipal().plus(next.unpaidInterest()));
    }

    /** Interest after a prepayment, by method (see the class comment). */
    private static void reprice(List<OpenInstallment> open, RepaymentTerms terms, LocalDate paidOn) {
        if (terms.method() == InterestMethod.FLAT) {
            for (int k = 0; k < open.size(); k++) {
                OpenInstallment o = open.get(k);
                InstallmentState s = o.state();
                if (s.dueOn().isAfter(paidOn) && o.principalPaid() && s.unpaidPrincipal().isZero()) {
                    Amount kept = k == 0 ? terms.carriedInterest() : Amount.ZERO;
                    o.chargeInterest(kept.compareTo(s.paidInterest()) > 0 ? kept : s.paidInterest());
                }
            }
            return;
        }
        Amount later = Amount.ZERO;
        for (int k = open.size() - 1; k >= 0; k--) {
            OpenInstallment o = open.get(k);
            InstallmentState s = o.state();
            later = later.plus(s.unpaidPrincipal());
            if (s.dueOn().isAfter(paidOn) && s.paidInterest().isZero()) {
                Amount interest = Amount.of(terms.rate().interestOn(later.value(), terms.rounding()));
                o.chargeInterest(k == 0 ? interest.plus(terms.carriedInterest()) : interest);
            }
        }
    }

    private static Allocation result(List<OpenInstallment> open) {
        List<AllocationLine> lines = new ArrayList<>();
        List<InstallmentState> after = new ArrayList<>(open.size());
        Amount penalty = Amount.ZERO;
        Amount interest = Amount.ZERO;
        Amount principal = Amount.ZERO;
        for (OpenInstallment o : open) {
            after.add(o.state());
            if (o.touched()) {
                AllocationLine line = o.line();
                lines.add(line);
                penalty = penalty.plus(line.penalty());
                interest = interest.plus(line.interest());
                principal = principal.plus(line.principal());
            }
        }
        return new Allocation(penalty, interest, principal, lines, after);
    }

    private static void check(List<InstallmentState> installments, RepaymentTerms terms, LocalDate on) {
        Objects.requireNonNull(installments, "installments");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(on, "date");
        for (int k = 1; k < installments.size(); k++) {
            InstallmentState before = installments.get(k - 1);
            InstallmentState s = installments.get(k);
            if (s.number() <= before.number() || s.dueOn().isBefore(before.dueOn())) {
                throw new IllegalArgumentException("installments must be in order of number and due date: "
                        + before.number() + " before " + s.number());
            }
        }
    }
}
