package id.lumbung.audit;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.platform.openapi.ContractFilter;

/** The result of re-verifying an LED's audit chain. */
@Schema(name = "AuditVerification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerificationView(
        @Schema(example = "true") boolean valid,
        @Schema(description = "Events checked.", example = "42") long events,
        @Schema(description = "The last event checked; absent for an empty trail.", extensions = @Extension(
                name = ContractFilter.OMITTED_WHEN_NULL, value = "true")) Head head,
        @Schema(description = "When invalid: the first event whose hash, link or sequence does not match.",
                example = "17", extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"))
        Long firstBrokenSequence,
        @Schema(description = "When invalid: what did not match; an open list.", example = "hash-mismatch",
                enumeration = {"hash-mismatch", "link-mismatch", "sequence-gap", "head-mismatch"},
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true")) String reason) {

    /** The audit chain's head. */
    @Schema(name = "AuditHead")
    public record Head(@Schema(example = "42") long sequence,
            @Schema(example = "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592") String hash) {
    }
}
