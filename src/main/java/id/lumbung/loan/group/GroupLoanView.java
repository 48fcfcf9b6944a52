package id.lumbung.loan.group;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.LoanStatus;
import id.lumbung.loan.quality.Kolektibilitas;
import id.lumbung.money.Amount;

/** A KUB group loan as of a day: each member's share with its arrears, and the group's totals. */
@Schema(name = "GroupLoan")
public record GroupLoanView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000601") UUID id,
        @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70") UUID groupId,
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000101") UUID productId,
        @Schema(nullable = true, example = "0193a5c2-11aa-7e0f-b3c4-000000000001") UUID grantId,
        @Schema(example = "Modal usaha anyaman pandan KUB Mawar") String purpose,
        @Schema(description = "The shares' status while they share one; DISBURSED while any share still owes, "
                + "CLOSED once every share is repaid.", example = "DISBURSED")
        LoanStatus status,
        @Schema(type = SchemaType.STRING, description = "The shares' principal together.", example = "6000000.00")
        Amount principal,
        @Schema(example = "2026-02-20T03:00:00Z") Instant appliedAt,
        @Schema(example = "clerk.budi") String appliedBy,
        @Schema(nullable = true, example = "2026-02-21T03:00:00Z") Instant decidedAt,
        @Schema(nullable = true, example = "manager.siti") String decidedBy,
        @Schema(description = "The approval note or the rejection reason.", nullable = true) String decisionNote,
        @Schema(nullable = true, example = "2026-03-01") LocalDate disbursedOn,
        @Schema(description = "The one LOAN_DISBURSEMENT entry that paid every share out.", nullable = true)
        UUID disbursementEntryId,
        @Schema(description = "The day the figures are as of.", example = "2026-04-15") LocalDate asOf,
        @Schema(type = SchemaType.STRING, example = "5400000.00") Amount outstandingPrincipal,
        @Schema(type = SchemaType.STRING, description = "The shares' arrears together, with penalty due.",
                example = "348450.00")
        Amount arrearsAmount,
        @Schema(description = "The worst share's days past due.", example = "10") int daysPastDue,
        @Schema(description = "How many shares are in arrears.", example = "1") int sharesInArrears,
        @Schema(nullable = true, description = "The worst share's class as of `asOf` (joint liability); null while "
                + "no share has one.", example = "DALAM_PERHATIAN_KHUSUS") Kolektibilitas kolektibilitas,
        @Schema(description = "In the order of their loan ids.") List<Share> shares) {

    /** One member's share: a loan of its own, as `GET /loans/{loanId}` shows it as of the same day. */
    @Schema(name = "GroupLoanShare")
    public record Share(
            @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000201") UUID loanId,
            @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID memberId,
            @Schema(example = "Siti Aminah") String memberName,
            @Schema(example = "DISBURSED") LoanStatus status,
            @Schema(type = SchemaType.STRING, example = "3000000.00") Amount principal,
            @Schema(type = SchemaType.STRING, example = "2700000.00") Amount outstandingPrincipal,
            @Schema(type = SchemaType.STRING, example = "45000.00") Amount interestDue,
            @Schema(type = SchemaType.STRING, example = "3450.00") Amount penaltyDue,
            @Schema(example = "10") int daysPastDue,
            @Schema(example = "1") int installmentsInArrears,
            @Schema(type = SchemaType.STRING, example = "348450.00") Amount arrearsAmount,
            @Schema(description = "Whether the share has an installment in arrears.", example = "true")
            boolean inArrears,
            @Schema(nullable = true, example = "2026-05-01") LocalDate nextDueOn,
            @Schema(type = SchemaType.STRING, nullable = true, example = "345000.00") Amount nextDueAmount,
            @Schema(nullable = true, description = "The share's class as of `asOf`.", example = "LANCAR")
            Kolektibilitas kolektibilitas) {
    }
}
