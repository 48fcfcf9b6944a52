package id.lumbung.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import id.lumbung.loan.product.LoanProductView;
import id.lumbung.loan.quality.Grade;
import id.lumbung.loan.quality.Kolektibilitas;
import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.money.Amount;

/** A loan and where it stands as of a day: outstanding, due, arrears and what falls due next. */
@Schema(name = "Loan")
public record LoanView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000201") UUID id,
        @Schema(example = "DISBURSED") LoanStatus status,
        @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID memberId,
        @Schema(nullable = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70") UUID groupId,
        @Schema(nullable = true, example = "0193a5c2-11aa-7e0f-b3c4-000000000001") UUID grantId,
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000101") UUID productId,
        @Schema(type = SchemaType.STRING, example = "3000000.00") Amount principal,
        @Schema(example = "10") int installments,
        @Schema(type = SchemaType.STRING, example = "1.5") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal interestRate,
        @Schema(example = "Modal usaha kerupuk sagu") String purpose,
        @Schema(example = "2026-02-20T03:00:00Z") Instant appliedAt,
        @Schema(example = "clerk.budi") String appliedBy,
        @Schema(description = "When it was approved or rejected.", nullable = true) Instant decidedAt,
        @Schema(nullable = true, example = "manager.siti") String decidedBy,
        @Schema(description = "The approval note or the rejection reason.", nullable = true) String decisionNote,
        @Schema(nullable = true, example = "2026-03-01") LocalDate disbursedOn,
        @Schema(nullable = true, example = "2026-12-01") LocalDate closedOn,
        @Schema(nullable = true, description = "Set once WRITTEN_OFF.", example = "2027-06-30") LocalDate writtenOffOn,
        @Schema(type = SchemaType.STRING, nullable = true, description = "The principal written off; set once "
                + "WRITTEN_OFF.", example = "1200000.00") Amount writtenOffPrincipal,
        @Schema(type = SchemaType.STRING, nullable = true, description = "Collected since the write-off (recovery "
                + "income); set once WRITTEN_OFF.", example = "0.00") Amount recovered,
        @Schema(description = "The day the figures below are as of.", example = "2026-04-15") LocalDate asOf,
        @Schema(type = SchemaType.STRING, example = "2700000.00") Amount outstandingPrincipal,
        @Schema(type = SchemaType.STRING,
                description = "Interest of installments due by `asOf`, not yet paid.", example = "0.00")
        Amount interestDue,
        @Schema(type = SchemaType.STRING,
                description = "Late penalty (denda) accrued by `asOf`, not yet paid.", example = "0.00")
        Amount penaltyDue,
        @Schema(description = "Days since the oldest installment in arrears fell due.", example = "0")
        int daysPastDue,
        @Schema(example = "0") int installmentsInArrears,
        @Schema(type = SchemaType.STRING,
                description = "Unpaid principal and interest of installments in arrears, with the penalty due.",
                example = "0.00")
        Amount arrearsAmount,
        @Schema(nullable = true, example = "2026-05-01") LocalDate nextDueOn,
        @Schema(type = SchemaType.STRING, nullable = true, example = "345000.00") Amount nextDueAmount,
        @Schema(description = "The loan's class (kolektibilitas) as of `asOf` by the LED's loan-quality setting in "
                + "force that day; null unless the loan stands disbursed that day.", nullable = true,
                example = "LANCAR")
        Kolektibilitas kolektibilitas,
        @Schema(type = SchemaType.STRING, description = "Outstanding principal × the class's provision rate, "
                + "rounded as the loan rounds (never above the outstanding principal); null without a class.",
                nullable = true, example = "27000.00")
        Amount provisionRequired,
        @Schema(description = "The schedule version in force now: 1 from disbursement, one more per reschedule.",
                example = "1") int scheduleVersion,
        @Schema(description = "Whether the loan was ever rescheduled (restrukturisasi).", example = "false")
        boolean restructured,
        @Schema(description = "The day the current schedule version took over.", nullable = true,
                example = "2026-06-15") LocalDate rescheduledOn) {

    static LoanView from(Loan loan, LocalDate asOf, LoanPosition position) {
        return from(loan, asOf, position, null);
    }

    static LoanView from(Loan loan, LocalDate asOf, LoanPosition position, Grade grade) {
        return new LoanView(loan.id, loan.status, loan.memberId, loan.groupId, loan.grantId, loan.productId,
                Amount.of(loan.principal), loan.installments, LoanProductView.plainRate(loan.interestRate),
                loan.purpose, loan.appliedAt, loan.appliedBy, loan.decidedAt, loan.decidedBy, loan.decisionNote,
                loan.disbursedOn, loan.closedOn, loan.writtenOffOn,
                loan.writtenOffPrincipal == null ? null : Amount.of(loan.writtenOffPrincipal),
                loan.writtenOffOn == null ? null : Amount.of(loan.recovered), asOf, position.outstandingPrincipal(),
                position.interestDue(), position.penaltyDue(), position.daysPastDue(), position.installmentsInArrears(),
                position.arrearsAmount(), position.nextDueOn(), position.nextDueAmount(),
                grade == null ? null : grade.kolektibilitas(), grade == null ? null : grade.provisionRequired(),
                loan.scheduleVersion, loan.scheduleVersion > 1, loan.rescheduledOn);
    }
}
