package id.lumbung.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import id.lumbung.loan.product.LoanProductView;
import id.lumbung.money.Amount;

/**
 * A reschedule request and, once applied, what it did: the new schedule version, what it carried over
 * from the past installments and the loan's arrears measures on {@code on}.
 */
@Schema(name = "Reschedule")
public record RescheduleView(
        @Schema(description = "PENDING_APPROVAL while it waits for a second manager; APPLIED once the new schedule "
                + "stands; REJECTED when a manager refused it.", example = "APPLIED") String status,
        @Schema(description = "The pending request, when it needed a second manager.", nullable = true,
                example = "0193a5c2-11aa-7e0f-b3c4-000000000601") UUID requestId,
        @Schema(example = "2026-06-15") LocalDate on,
        @Schema(example = "12") int installments,
        @Schema(type = SchemaType.STRING, example = "1") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal interestRate,
        @Schema(example = "0") int graceInstallments,
        @Schema(example = "Usaha kerupuk sagu terhenti karena banjir; angsuran diringankan") String reason,
        @Schema(example = "manager.siti") String requestedBy,
        @Schema(example = "2026-06-15T03:00:00Z") Instant requestedAt,
        @Schema(description = "The second manager who approved or rejected it.", nullable = true,
                example = "manager.ahmad") String decidedBy,
        @Schema(nullable = true, example = "2026-06-16T02:00:00Z") Instant decidedAt,
        @Schema(description = "The approval note or the rejection reason.", nullable = true) String decisionNote,
        @Schema(description = "The schedule version it started, once applied.", nullable = true, example = "2")
        Integer version,
        @Schema(type = SchemaType.STRING, description = "The outstanding principal rescheduled (when pending: "
                + "outstanding when requested).", example = "2700000.00") Amount outstandingPrincipal,
        @Schema(type = SchemaType.STRING, description = "Unpaid interest of the past installments, moved to the "
                + "new first installment's interest.", nullable = true, example = "90000.00")
        Amount carriedInterest,
        @Schema(type = SchemaType.STRING, description = "Penalty owed on `on` (charged and accrued), moved to the "
                + "new first installment as charged penalty.", nullable = true, example = "17000.00")
        Amount carriedPenalty,
        @Schema(description = "The loan's days past due on `on`, kept for the class rule.", nullable = true,
                example = "41") Integer daysPastDue,
        @Schema(description = "Installments due on or before `on` and not fully paid then.", nullable = true,
                example = "2") Integer missedInstallments,
        @Schema(description = "The loan after it, as of today; only in the answer to a request or decision.",
                nullable = true) LoanView loan) {

    static RescheduleView applied(ScheduleVersions.Version v, LoanPendingRequest pending, LoanView loan) {
        return new RescheduleView("APPLIED", pending == null ? null : pending.id, v.startsOn(), v.installments(),
                LoanProductView.plainRate(v.interestRate()), v.graceInstallments(), v.reason(), v.requestedBy(),
                pending == null ? v.recordedAt() : pending.requestedAt, pending == null ? null : pending.decidedBy,
                pending == null ? null : pending.decidedAt, pending == null ? null : pending.decisionNote,
                v.version(), Amount.of(v.principal()), Amount.of(v.carriedInterest()), Amount.of(v.carriedPenalty()),
                v.daysPastDue(), v.missedInstallments(), loan);
    }

    static RescheduleView waiting(LoanPendingRequest pending, RescheduleRequest request, BigDecimal rate,
            LoanView loan) {
        String status = pending.status == LoanPendingRequest.Status.PENDING ? "PENDING_APPROVAL"
                : pending.status.name();
        return new RescheduleView(status, pending.id, request.on(), request.installments(),
                LoanProductView.plainRate(rate),
                request.graceInstallments() == null ? 0 : request.graceInstallments(), request.reason().strip(),
                pending.requestedBy, pending.requestedAt, pending.decidedBy, pending.decidedAt, pending.decisionNote,
                null, Amount.of(pending.outstandingPrincipal), null, null, null, null, loan);
    }
}
