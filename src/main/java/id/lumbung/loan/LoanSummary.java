package id.lumbung.loan;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** A loan as a member's or a KUB group's view lists it: where it stands today. */
@Schema(name = "LoanSummary")
public record LoanSummary(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000201") UUID id,
        @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID memberId,
        @Schema(example = "DISBURSED") LoanStatus status,
        @Schema(type = SchemaType.STRING, example = "3000000.00") Amount principal,
        @Schema(nullable = true, example = "2026-03-01") LocalDate disbursedOn,
        @Schema(type = SchemaType.STRING, example = "2700000.00") Amount outstandingPrincipal,
        @Schema(type = SchemaType.STRING, example = "0.00") Amount arrearsAmount,
        @Schema(example = "0") int daysPastDue,
        @Schema(nullable = true, example = "2026-05-01") LocalDate nextDueOn,
        @Schema(type = SchemaType.STRING, nullable = true, example = "345000.00") Amount nextDueAmount) {

    static LoanSummary from(LoanView loan) {
        return new LoanSummary(loan.id(), loan.memberId(), loan.status(), loan.principal(), loan.disbursedOn(),
                loan.outstandingPrincipal(), loan.arrearsAmount(), loan.daysPastDue(), loan.nextDueOn(),
                loan.nextDueAmount());
    }
}
