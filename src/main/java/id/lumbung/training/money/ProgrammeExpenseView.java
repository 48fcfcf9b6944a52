package id.lumbung.training.money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** An expense of a programme and the entry that booked it. */
@Schema(name = "ProgrammeExpense")
public record ProgrammeExpenseView(
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000071") UUID id,
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000001") UUID programmeId,
        Amount amount,
        @Schema(example = "2026-03-04") LocalDate paidOn,
        @Schema(example = "Modul cetak Pengelolaan Keuangan, 30 eksemplar") String description,
        @Schema(example = "CSR PT Pertamina Hulu Rokan", nullable = true) String fundingLine,
        @Schema(description = "The expense account debited.", example = "5-1300") String account,
        @Schema(description = "The cash or bank account credited.", example = "1-1100") String paidFrom,
        @Schema(description = "The EXPENSE entry.", example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c") UUID entryId,
        @Schema(example = "2026-03-04T03:04:05.123456Z") Instant recordedAt,
        @Schema(example = "clerk.budi") String recordedBy) {
}
