package id.lumbung.training.money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** Funding received for a programme and the entry that booked it. */
@Schema(name = "FundingReceipt")
public record FundingReceiptView(
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000061") UUID id,
        @Schema(example = "0193a5d0-1a2b-7c3d-8e4f-000000000001") UUID programmeId,
        @Schema(example = "CSR PT Pertamina Hulu Rokan") String fundingLine,
        Amount amount,
        @Schema(example = "2026-03-10") LocalDate receivedOn,
        @Schema(description = "The cash or bank account debited.", example = "1-1200") String account,
        @Schema(description = "The TRAINING_FUNDING entry: Dr the account · Cr Pendapatan Lain-lain.",
                example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c") UUID entryId,
        @Schema(example = "2026-03-10T03:04:05.123456Z") Instant recordedAt,
        @Schema(example = "clerk.budi") String recordedBy) {
}
