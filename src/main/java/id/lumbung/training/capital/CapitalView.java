package id.lumbung.training.capital;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.LoanStatus;
import id.lumbung.loan.quality.Kolektibilitas;
import id.lumbung.member.MemberView;
import id.lumbung.money.Amount;
import id.lumbung.training.money.AssistanceView;
import id.lumbung.training.trainee.TraineeView;

/**
 * The capital a trainee received and how it is doing, as of a day: their loans (counted from the
 * day disbursed), the assistance given to them (from the day given), what they put in, and totals.
 */
@Schema(name = "TraineeCapital")
public record CapitalView(
        @Schema(example = "2026-12-01") LocalDate asOf,
        TraineeView trainee,
        @Schema(description = "The member the trainee is; the NIK masked for every role but led-manager and auditor.")
        MemberView member,
        @Schema(description = "The member's loans disbursed by `asOf`, oldest first.") List<Loan> loans,
        @Schema(description = "Assistance given to the member by `asOf`, oldest first (an LED-paid one whose entry "
                + "was reversed is left out).") List<AssistanceView> assistance,
        @Schema(description = "Contributions the member brought in by `asOf` (standing entries).") Amount contributions,
        @Schema(description = "The member's savings balance at the end of `asOf`.") Amount savingsBalance,
        Totals totals) {

    /** One loan as it stands on the day; the figures come from the loan package's own positions and classes. */
    @Schema(name = "TraineeCapitalLoan")
    public record Loan(
            @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000101") UUID loanId,
            @Schema(example = "DISBURSED") LoanStatus status,
            Amount principal,
            @Schema(example = "2026-09-01") LocalDate disbursedOn,
            @Schema(description = "Disbursed before the trainee's enrolment: capital received before training.",
                    example = "false") boolean beforeEnrolment,
            @Schema(description = "The grant funding it.", example = "0193a5c2-11aa-7e0f-b3c4-000000000001",
                    nullable = true) UUID grantId,
            @Schema(description = "Principal repaid by `asOf` (standing repayments).") Amount repaid,
            @Schema(description = "Principal outstanding at the end of `asOf`.") Amount outstanding,
            @Schema(description = "From the oldest unpaid installment.", example = "0") int daysPastDue,
            @Schema(description = "Null when the loan has no class that day (repaid, written off).", example = "LANCAR",
                    nullable = true) Kolektibilitas kolektibilitas) {
    }

    /** Loans' principal and assistance received, principal repaid, principal outstanding. */
    @Schema(name = "TraineeCapitalTotals")
    public record Totals(
            @Schema(description = "Principal of the loans disbursed plus the value of the assistance given.")
            Amount capitalReceived,
            @Schema(description = "Principal repaid on the loans.") Amount repaid,
            @Schema(description = "Principal outstanding on the loans.") Amount outstanding) {
    }
}
