package id.lumbung.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** A disbursement: the entry that paid the loan out and took its admin fee, and the loan after it. */
@Schema(name = "Disbursement")
public record DisbursementView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000301") UUID id,
        @Schema(description = "The LOAN_DISBURSEMENT entry.", example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c")
        UUID entryId,
        @Schema(example = "2026-03-01") LocalDate disbursedOn,
        @Schema(type = SchemaType.STRING, example = "3000000.00") Amount principal,
        @Schema(type = SchemaType.STRING,
                description = "principal × the product's adminFeePercent, rounded as the LED rounds.",
                example = "30000.00")
        Amount adminFee,
        @Schema(example = "1-1200") String paidFrom,
        @Schema(description = "The cash or bank account the admin fee was taken into.", example = "1-1100")
        String feeAccount,
        @Schema(example = "2026-03-01T02:00:00Z") Instant recordedAt,
        @Schema(example = "manager.siti") String recordedBy,
        LoanView loan) {
}
