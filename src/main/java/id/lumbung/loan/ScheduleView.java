package id.lumbung.loan;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.loan.repayment.InstallmentStatus;
import id.lumbung.money.Amount;

/** A loan's repayment schedule: each installment with what has been paid of it, and the totals due. */
@Schema(name = "Schedule")
public record ScheduleView(List<Installment> installments, Totals totals) {

    /** One installment. {@code principal} and {@code interest} are what it is due; the paid fields what came in. */
    @Schema(name = "ScheduleInstallment")
    public record Installment(
            @Schema(example = "1") int number,
            @Schema(example = "2026-04-01") LocalDate dueOn,
            @Schema(type = SchemaType.STRING, example = "300000.00") Amount principal,
            @Schema(type = SchemaType.STRING, example = "45000.00") Amount interest,
            @Schema(type = SchemaType.STRING, example = "345000.00") Amount total,
            @Schema(type = SchemaType.STRING, example = "0.00") Amount paidPrincipal,
            @Schema(type = SchemaType.STRING, example = "0.00") Amount paidInterest,
            @Schema(type = SchemaType.STRING,
                    description = "Late penalty (denda) paid on this installment.", example = "0.00")
            Amount paidPenalty,
            @Schema(example = "PENDING") InstallmentStatus status) {
    }

    /** The schedule's sums: principal always equals the loan's principal exactly. */
    @Schema(name = "ScheduleTotals")
    public record Totals(
            @Schema(type = SchemaType.STRING, example = "3000000.00") Amount principal,
            @Schema(type = SchemaType.STRING, example = "450000.00") Amount interest,
            @Schema(type = SchemaType.STRING, example = "3450000.00") Amount total) {
    }

    public static ScheduleView from(List<InstallmentState> states) {
        Amount principal = Amount.ZERO;
        Amount interest = Amount.ZERO;
        List<Installment> rows = new java.util.ArrayList<>(states.size());
        for (InstallmentState s : states) {
            rows.add(new Installment(s.number(), s.dueOn(), s.principal(), s.interest(),
                    s.principal().plus(s.interest()), s.paidPrincipal(), s.paidInterest(), s.paidPenalty(),
                    s.status()));
            principal = principal.plus(s.principal());
            interest = interest.plus(s.interest());
        }
        return new ScheduleView(rows, new Totals(principal, interest, principal.plus(interest)));
    }
}
