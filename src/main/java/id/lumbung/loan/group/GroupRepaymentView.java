package id.lumbung.loan.group;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.RepaymentView;
import id.lumbung.money.Amount;

/** A KUB group's payment and its split over the shares; after recording it, the group loan too. */
@Schema(name = "GroupRepayment")
public record GroupRepaymentView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000701") UUID id,
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000601") UUID groupLoanId,
        @Schema(description = "The group loan's n-th payment.", example = "1") int sequence,
        @Schema(type = SchemaType.STRING, example = "690000.00") Amount amount,
        @Schema(example = "2026-04-01") LocalDate paidOn,
        @Schema(example = "1-1100") String account,
        @Schema(description = "The member it was paid for, if any.", nullable = true,
                example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c")
        UUID forMemberId,
        @Schema(description = "The one REPAYMENT entry.", example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4e")
        UUID entryId,
        @Schema(description = "The REVERSAL entry, once reversed.", nullable = true) UUID reversedBy,
        @Schema(example = "2026-04-01T09:30:00Z") Instant recordedAt,
        @Schema(example = "clerk.budi") String recordedBy,
        @Schema(description = "Each share's part, a repayment of that loan, in the order of the loan ids.")
        List<Part> parts,
        @Schema(description = "The group loan right after it, as of today; only in the answer to recording it.",
                nullable = true)
        GroupLoanView groupLoan) {

    /** One share's part of the payment: that loan's repayment. */
    @Schema(name = "GroupRepaymentPart")
    public record Part(
            @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000201") UUID loanId,
            @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID memberId,
            @Schema(description = "The loan's repayment (GET /loans/{loanId}/repayments/{repaymentId}).",
                    example = "0193a5c2-11aa-7e0f-b3c4-000000000401")
            UUID repaymentId,
            @Schema(type = SchemaType.STRING, example = "345000.00") Amount amount,
            RepaymentView.Allocation allocation) {
    }
}
