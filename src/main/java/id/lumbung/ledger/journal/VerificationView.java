package id.lumbung.ledger.journal;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.platform.openapi.ContractFilter;

/** The result of re-verifying an LED's hash chain. */
@Schema(name = "ChainVerification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(
        @Schema(example = "true") boolean valid,
        @Schema(description = "Entries checked.", example = "1250") long entries,
        @Schema(description = "The last entry checked; absent for an empty journal.", extensions = @Extension(
                name = ContractFilter.OMITTED_WHEN_NULL, value = "true")) Head head,
        @Schema(description = "When invalid: the first entry whose hash, link or number does not match.",
                example = "17", extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"))
        Long firstBrokenNumber,
        @Schema(description = "When invalid: what did not match; an open list.", example = "hash-mismatch",
                enumeration = {"hash-mismatch", "link-mismatch", "number-gap", "head-mismatch"},
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true")) String reason) {

    /** The chain head: the number and hash every statement cites. */
    @Schema(name = "ChainHead")
    public record Head(@Schema(example = "1250") long number,
            @Schema(example = "9f2c4e0b6a8d1f3e5c7b9a0d2f4e6c8b0a1d3f5e7c9b2a4d6f8e0c1b3a5d7f9e") String hash) {
    }
}
