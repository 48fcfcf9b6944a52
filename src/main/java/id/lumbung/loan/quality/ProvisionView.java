package id.lumbung.loan.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** One provisioning (PPAP) run: what the portfolio needed, what 1-1310 held, and the entry between them. */
@Schema(name = "Provision")
public record ProvisionView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000401") UUID id,
        @Schema(example = "2026-04-30") LocalDate asOf,
        @Schema(type = SchemaType.STRING, description = "Σ provisionRequired of the loans classified as of "
                + "`asOf`.", example = "1250000.00")
        Amount required,
        @Schema(type = SchemaType.STRING, description = "The balance of 1-1310 Penyisihan Kerugian Pinjaman (a "
                + "credit balance) as of `asOf`, before this run.", example = "900000.00")
        Amount bookedBefore,
        @Schema(description = "The PROVISION entry that brought 1-1310 to `required` (Dr 5-1200 · Cr 1-1310 when "
                + "it rises, the reverse when it falls); null when nothing changed.", nullable = true,
                example = "0193a5c2-11aa-7e0f-b3c4-000000000501")
        UUID entryId,
        @Schema(description = "The loan-quality change the loans were classified by; null for the default BANK "
                + "preset.", nullable = true, example = "0193a5c2-11aa-7e0f-b3c4-000000000301")
        UUID qualityChangeId,
        @Schema(description = "Every class of the setting, best first, with zero rows included.")
        List<ProvisionClassView> byClass,
        @Schema(example = "2026-05-02T03:00:00Z") Instant recordedAt,
        @Schema(example = "manager.siti") String recordedBy) {
}
