package id.lumbung.savings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** One line of a member's passbook (buku simpanan): a deposit or a withdrawal and its journal entry. */
@Schema(name = "SavingsMovement")
public record MovementView(
        @Schema(example = "0193a5d0-7c1e-7a2b-9c3d-4e5f6a7b8c9d") UUID id,
        @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID memberId,
        @Schema(example = "DEPOSIT") MovementType type,
        @Schema(description = "Rupiah, always positive; `type` says the direction.") Amount amount,
        @Schema(description = "The member's savings balance right after this movement.") Amount balanceAfter,
        @Schema(description = "The day the cash was received or paid.", example = "2026-03-07")
        LocalDate effectiveDate,
        @Schema(example = "Setoran simpanan wajib Maret") String description,
        @Schema(description = "The journal entry that posted it (Dr 1-1100 Kas · Cr 2-1100 Simpanan Anggota for a "
                + "deposit, the reverse for a withdrawal); its `reference` points back here.",
                example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c") UUID entryId,
        @Schema(example = "2026-03-07T03:12:45.123456Z") Instant recordedAt,
        @Schema(description = "Subject of the token that recorded it.", example = "clerk.budi") String recordedBy) {
}
