package id.lumbung.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the audit trail: the shape of every list ({@code items}, {@code next}), with
 * {@code next} the plain sequence number of the last event shown, not an opaque cursor, because an
 * auditor's "everything after event 1,250" is the point of a gapless sequence.
 */
@Schema(name = "AuditPage")
public record AuditPage(
        List<AuditView> items,
        @Schema(description = "The `sequence` of the last event shown: pass it as `after` for the next page; null "
                + "on the last page.", nullable = true, example = "42") String next) {
}
