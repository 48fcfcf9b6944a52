package id.lumbung.audit;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.lumbung.platform.database.RetriesReads;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** An LED's audit trail: who changed what outside the journal, and who was refused. */
@Path("/api/v1/leds/{ledId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Audit")
@RetriesReads
public class AuditResource {

    private final AuditReader reader;
    private final AuditVerifier verifier;
    private final LedAccess access;

    public AuditResource(AuditReader reader, AuditVerifier verifier, LedAccess access) {
        this.reader = reader;
        this.verifier = verifier;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listAuditEvents", summary = "The LED's audit trail",
            description = "Led-manager and auditor. Every change that is not a journal entry (member changes, "
                    + "groups, settings, product retirement, period closes, approvals and rejections) and every "
                    + "attempt refused with 403 inside this LED, in sequence order: who, when, what changed "
                    + "(old → new). Append-only and hash-chained per LED. Pages with `limit` (1 to 1000, default "
                    + "100) and `after` (the `sequence` of the last event seen; `next` carries it).")
    @APIResponse(responseCode = "200", description = "A page of events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class),
            examples = @ExampleObject(name = "a change and a refusal", value = """
                    {
                      "items": [
                        {
                          "sequence": 41,
                          "at": "2026-04-15T03:12:45.123456Z",
                          "actor": "manager.siti",
                          "role": "led-manager",
                          "action": "member.updated",
                          "resourceType": "member",
                          "resourceId": "0193a5c2-11aa-7e0f-b3c4-000000000101",
                          "changes": {
                            "groupId": {"old": null, "new": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70"},
                            "hamlet": {"old": "Dusun II Kuok", "new": "Dusun III Kuok"}
                          },
                          "outcome": "DONE",
                          "detail": null,
                          "hash": "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592",
                          "prevHash": "9f2c4e0b6a8d1f3e5c7b9a0d2f4e6c8b0a1d3f5e7c9b2a4d6f8e0c1b3a5d7f9e"
                        },
                        {
                          "sequence": 42,
                          "at": "2026-04-15T03:20:01.000042Z",
                          "actor": "clerk.budi",
                          "role": "led-clerk",
                          "action": "POST /api/v1/leds/{ledId}/periods/close",
                          "resourceType": null,
                          "resourceId": null,
                          "changes": {},
                          "outcome": "REFUSED",
                          "detail": "forbidden",
                          "hash": "0c1b3a5d7f9e9f2c4e0b6a8d1f3e5c7b9a0d2f4e6c8b0a1d3f5e7c9b2a4d6f8e",
                          "prevHash": "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592"
                        }
                      ],
                      "next": "42"
                    }""")))
    public AuditPage list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "First day, in the LED's calendar (its time zone), included.",
                    example = "2026-04-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day, in the LED's calendar, included.", example = "2026-04-30")
            @QueryParam("to") LocalDate to,
            @Parameter(description = "Only events of this actor (token subject), exactly.", example = "manager.siti")
            @QueryParam("actor") String actor,
            @Parameter(description = "Page size, 1 to 1000 (default 100).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The sequence number of the last event seen (the `next` of the previous "
                    + "page); events after it are listed.", example = "100") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_AUDIT);
        return reader.page(ledId, from, to, actor, limit, after);
    }

    @GET
    @Path("/verification")
    @Operation(operationId = "verifyAuditTrail", summary = "Re-verify the audit trail's hash chain",
            description = "Led-manager and auditor. Recomputes every event's hash from its stored content and "
                    + "checks every link and sequence number; reports the first event that does not match.")
    @APIResponse(responseCode = "200", description = "The verification result (valid or not)")
    public AuditVerificationView verify(@PathParam("ledId") UUID ledId) {
        access.require(ledId, LedPermission.READ_AUDIT);
        return verifier.verify(ledId);
    }
}
