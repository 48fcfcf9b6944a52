package id.lumbung.loan.group;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** Every share of a group loan paid out in one entry, and the group loan after it. */
@Schema(name = "GroupDisbursement")
public record GroupDisbursementView(
        @Schema(description = "The one LOAN_DISBURSEMENT entry.", example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4d")
        UUID entryId,
        @Schema(example = "2026-03-01") LocalDate disbursedOn,
        @Schema(type = SchemaType.STRING, example = "6000000.00") Amount principal,
        @Schema(type = SchemaType.STRING, description = "The shares' admin fees together, each rounded per share.",
                example = "60000.00")
        Amount adminFee,
        @Schema(example = "1-1200") String paidFrom,
        @Schema(example = "1-1100") String feeAccount,
        @Schema(example = "2026-03-01T02:00:00Z") Instant recordedAt,
        @Schema(example = "manager.siti") String recordedBy,
        GroupLoanView groupLoan) {
}
