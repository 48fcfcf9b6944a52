package id.lumbung.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One event of an LED's audit trail, as an auditor reads it. */
@Schema(name = "AuditEvent")
public record AuditView(
        @Schema(description = "Gapless per LED, from 1.", example = "42") long sequence,
        @Schema(example = "2026-04-15T03:12:45.123456Z") Instant at,
        @Schema(description = "The token subject of who did it or tried to.", example = "manager.siti") String actor,
        @Schema(description = "The roles the actor held, comma-separated.", example = "led-manager") String role,
        @Schema(description = "What was done, an open list: `account.created`, `member.registered`, "
                + "`members.imported`, `member.updated`, `group.created`, `group.updated`, "
                + "`lending-settings.replaced`, `loan-quality-settings.changed`, `loan-product.created`, "
                + "`loan-product.retired`, `period.closed`, `adjustment.held`, `adjustment.approved`, "
                + "`adjustment.rejected`, `loan.applied`, `loan.approved`, `loan.rejected`, `group-loan.applied`, "
                + "`group-loan.approved`, `group-loan.rejected`, `write-off.requested`, `write-off.approved`, "
                + "`write-off.rejected`, `reschedule.requested`, `reschedule.approved`, `reschedule.rejected`, "
                + "`loan.rescheduled`; for a refusal, the operation attempted: method and path template.",
                example = "member.updated") String action,
        @Schema(description = "The kind of resource changed; null for a refusal.", nullable = true,
                example = "member") String resourceType,
        @Schema(description = "Its id: a UUID, an account's code, or for a period close its last day; null for a "
                + "refusal and a CSV import.",
                nullable = true, example = "0193a5c2-11aa-7e0f-b3c4-000000000101") String resourceId,
        @Schema(description = "Each changed field with its old and new value, as text (money as a decimal "
                + "string). A NIK appears masked to its last four digits, never in clear. Empty for a refusal.")
        Map<String, FieldChange> changes,
        @Schema(description = "DONE: the change was made. REFUSED: the caller's role (or a maker-checker rule) "
                + "refused it with 403.", example = "DONE") Outcome outcome,
        @Schema(description = "For a refusal: the problem type answered; null otherwise.", nullable = true,
                example = "forbidden") String detail,
        @Schema(description = "SHA-256 over the event's canonical content and `prevHash`.",
                example = "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592") String hash,
        @Schema(description = "The previous event's hash; 64 zeros for the first.",
                example = "9f2c4e0b6a8d1f3e5c7b9a0d2f4e6c8b0a1d3f5e7c9b2a4d6f8e0c1b3a5d7f9e") String prevHash) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };

    /** One field's change. */
    @Schema(name = "AuditFieldChange")
    public record FieldChange(
            @Schema(nullable = true, example = "Dusun II Kuok") @JsonProperty("old") String old,
            @Schema(nullable = true, example = "Dusun III Kuok") @JsonProperty("new") String changed) {
    }

    static AuditView from(AuditEvent event) {
        return new AuditView(event.sequence(), event.at(), event.actor(), event.role(), event.action(),
                event.resourceType(), event.resourceId(), changes(event.changes()), event.outcome(), event.detail(),
                event.hash(), event.prevHash());
    }

    private static Map<String, FieldChange> changes(String json) {
        try {
            return JSON.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored audit change set is not JSON", e);
        }
    }
}
