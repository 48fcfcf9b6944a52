package id.lumbung.loan.writeoff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.LoanView;
import id.lumbung.money.Amount;

/** A recovery: Dr the receiving account · Cr recovery income. */
@Schema(name = "Recovery")
public record RecoveryView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000911") UUID id,
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000201") UUID loanId,
        @Schema(type = SchemaType.STRING, example = "250000.00") Amount amount,
        @Schema(example = "2027-09-15") LocalDate paidOn,
        @Schema(example = "1-1100") String account,
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000912") UUID entryId,
        @Schema(example = "2027-09-15T03:00:00Z") Instant recordedAt,
        @Schema(example = "clerk.budi") String recordedBy,
        @Schema(nullable = true, description = "The loan after it, in the answer to a POST.") LoanView loan) {

    static RecoveryView from(LoanRecovery r, LoanView loan) {
        return new RecoveryView(r.id, r.loanId, Amount.of(r.amount), r.paidOn, r.account, r.entryId, r.recordedAt,
                r.recordedBy, loan);
    }
}
