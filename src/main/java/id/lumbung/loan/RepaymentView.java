package id.lumbung.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** A repayment and how it was allocated; after recording it, the loan too. */
@Schema(name = "Repayment")
public record RepaymentView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000401") UUID id,
        @Schema(description = "The REPAYMENT journal entry.", example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4d")
        UUID entryId,
        @Schema(description = "The loan's n-th repayment.", example = "1") int sequence,
        @Schema(type = SchemaType.STRING, example = "345000.00") Amount amount,
        @Schema(example = "2026-04-01") LocalDate paidOn,
        @Schema(example = "1-1100") String account,
        Allocation allocation,
        @Schema(description = "The REVERSAL entry, once the repayment was reversed (a bounced transfer).",
                nullable = true)
        UUID reversedBy,
        @Schema(example = "2026-04-01T09:30:00Z") Instant recordedAt,
        @Schema(example = "clerk.budi") String recordedBy,
        @Schema(description = "The loan right after the repayment, as of today; only in the answer to recording it.",
                nullable = true)
        LoanView loan) {

    /** What the repayment paid: late penalty (denda), interest (jasa) and principal (pokok). */
    @Schema(name = "RepaymentAllocation")
    public record Allocation(
            @Schema(type = SchemaType.STRING, example = "0.00") Amount penalty,
            @Schema(type = SchemaType.STRING, example = "45000.00") Amount interest,
            @Schema(type = SchemaType.STRING, example = "300000.00") Amount principal) {
    }

    static RepaymentView from(LoanRepayment r, UUID reversedBy, LoanView loan) {
        return new RepaymentView(r.id, r.entryId, r.seq, Amount.of(r.amount), r.paidOn, r.account,
                new Allocation(Amount.of(r.penalty), Amount.of(r.interest), Amount.of(r.principal)), reversedBy,
                r.recordedAt, r.recordedBy, loan);
    }
}
