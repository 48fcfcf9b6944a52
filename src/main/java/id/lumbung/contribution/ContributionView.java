package id.lumbung.contribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** A recorded contribution and the entry that booked it. */
@Schema(name = "Contribution")
public record ContributionView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000002") UUID id,
        @Schema(description = "The CONTRIBUTION journal entry that booked it.",
                example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c") UUID entryId,
        @Schema(example = "COMMUNITY_EQUITY") ContributionType type,
        @Schema(description = "The member, for a savings deposit.", nullable = true) UUID memberId,
        Amount amount,
        @Schema(example = "2026-03-07") LocalDate receivedOn,
        @Schema(example = "Swadaya warga Dusun II untuk modal bergulir") String description,
        @Schema(description = "The cash or bank account debited.", example = "1-1100") String account,
        @Schema(example = "2026-03-07T08:15:00.123456Z") Instant recordedAt,
        @Schema(description = "Subject of the token that recorded it.", example = "clerk.budi") String recordedBy,
        @Schema(description = "The reversal of the booking entry, once it was reversed in the journal; the record "
                + "then no longer counts in the books.", nullable = true) UUID reversedBy) {

    static ContributionView from(Contribution contribution, UUID reversedBy) {
        return new ContributionView(contribution.id, contribution.entryId, contribution.type, contribution.memberId,
                Amount.of(contribution.amount), contribution.receivedOn, contribution.description,
                contribution.accountCode, contribution.recordedAt, contribution.recordedBy, reversedBy);
    }
}
