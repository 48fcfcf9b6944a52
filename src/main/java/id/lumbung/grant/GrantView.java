package id.lumbung.grant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** A grant tranche, the entry that booked it and what has become of the money so far. */
@Schema(name = "Grant")
public record GrantView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000001") UUID id,
        @Schema(description = "The GRANT journal entry that booked it.",
                example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c") UUID entryId,
        @Schema(example = "APBD Kabupaten Kampar 2026") String source,
        @Schema(example = "SK 412/2026") String decreeNumber,
        Amount amount,
        @Schema(example = "2026-02-01") LocalDate receivedOn,
        @Schema(description = "The cash or bank account debited.", example = "1-1200") String account,
        @Schema(example = "2026-02-02T03:04:05.123456Z") Instant recordedAt,
        @Schema(description = "Subject of the token that recorded it.", example = "officer.kampar") String recordedBy,
        Utilisation utilisation,
        @Schema(description = "The reversal of the booking entry, once it was reversed in the journal; the record "
                + "then no longer counts in the books.", nullable = true) UUID reversedBy) {

    /**
     * What has happened to the grant's money so far. Today only what was received; loans funded
     * from the grant will add what was lent out, repaid and is still outstanding.
     */
    @Schema(name = "GrantUtilisation")
    public record Utilisation(
            @Schema(description = "Rupiah received (zero once the booking entry was reversed).") Amount received) {
    }

    static GrantView from(Grant grant, UUID reversedBy) {
        Amount amount = Amount.of(grant.amount);
        return new GrantView(grant.id, grant.entryId, grant.source, grant.decreeNumber, amount, grant.receivedOn,
                grant.accountCode, grant.recordedAt, grant.recordedBy,
                new Utilisation(reversedBy == null ? amount : Amount.ZERO), reversedBy);
    }
}
