package id.lumbung.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** A recorded transfer and its TRANSFER entry. */
@Schema(name = "Transfer")
public record TransferView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000601") UUID id,
        @Schema(description = "The TRANSFER journal entry.") UUID entryId,
        @Schema(example = "1-1200") String from,
        @Schema(example = "1-1100") String to,
        @Schema(type = SchemaType.STRING, example = "5000000.00") Amount amount,
        @Schema(example = "2026-03-01") LocalDate on,
        @Schema(example = "Tarik tunai dari bank untuk pencairan KUB Mawar") String description,
        @Schema(example = "2026-03-01T02:00:00Z") Instant recordedAt,
        @Schema(example = "clerk.budi") String recordedBy) {

    static TransferView from(Transfer t) {
        return new TransferView(t.id, t.entryId, t.fromAccount, t.toAccount, Amount.of(t.amount), t.transferredOn,
                t.description, t.recordedAt, t.recordedBy);
    }
}
