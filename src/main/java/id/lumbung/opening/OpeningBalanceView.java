package id.lumbung.opening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** The posted opening balances; the entry holds one posting per line. */
@Schema(name = "OpeningBalance")
public record OpeningBalanceView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000004") UUID id,
        @Schema(description = "The OPENING_BALANCE journal entry, number 1 of the LED.",
                example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c") UUID entryId,
        @Schema(example = "2025-12-31") LocalDate effectiveDate,
        @Schema(description = "How many accounts got a balance.", example = "6") int lines,
        @Schema(description = "Total debits, equal to total credits.") Amount total,
        @Schema(example = "2026-01-05T02:00:00.123456Z") Instant recordedAt,
        @Schema(description = "Subject of the token that recorded it.", example = "manager.siti") String recordedBy) {

    static OpeningBalanceView from(OpeningBalance opening) {
        return new OpeningBalanceView(opening.id, opening.entryId, opening.effectiveDate, opening.lineCount,
                Amount.of(opening.total), opening.recordedAt, opening.recordedBy);
    }
}
