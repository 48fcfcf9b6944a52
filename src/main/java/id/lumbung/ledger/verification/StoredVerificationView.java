package id.lumbung.ledger.verification;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.ledger.journal.VerificationView;
import id.lumbung.platform.openapi.ContractFilter;

/** An LED's latest stored chain verification, as the scheduled run left it; nothing is verified to show it. */
@Schema(name = "StoredChainVerification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredVerificationView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000101") UUID ledId,
        @Schema(example = "1406012001") String code,
        @Schema(example = "LED Desa Kuok") String name,
        @Schema(description = "When the scheduled run verified the LED; absent until it first has.",
                example = "2026-12-02T18:30:04.512345Z",
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true")) Instant verifiedAt,
        @Schema(description = "What that run found, as `GET …/journal/verification` answers; absent until the "
                + "first run.", extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"))
        VerificationView result,
        @Schema(description = "The last run that found the chain valid; absent if none has. With `brokenSince` "
                + "it brackets when a broken chain was changed.", example = "2026-11-30T18:30:03.118204Z",
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true")) Instant lastValidAt,
        @Schema(description = "While broken: the first run of the current broken streak.",
                example = "2026-12-01T18:30:03.907113Z",
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"))
        Instant brokenSince) {
}
