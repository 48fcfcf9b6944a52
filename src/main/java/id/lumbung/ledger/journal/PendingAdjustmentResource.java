package id.lumbung.ledger.journal;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** Manual adjustments waiting for a second manager (maker–checker above the LED's threshold). */
@Path("/api/v1/leds/{ledId}/journal-entries/pending")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Journal")
@RetriesReads
public class PendingAdjustmentResource {

    private final PendingAdjustmentService pending;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public PendingAdjustmentResource(PendingAdjustmentService pending, LedAccess access,
            IdempotencyService idempotency, Caller caller) {
        this.pending = pending;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listPendingAdjustments", summary = "Adjustments waiting for approval",
            description = "Oldest first; `status` shows decided ones instead. Book readers.")
    @APIResponse(responseCode = "200", description = "A page of pending adjustments")
    public Page<PendingAdjustmentView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "PENDING (default), APPROVED or REJECTED.") @QueryParam("status")
            PendingAdjustment.Status status,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return pending.list(ledId, status, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{pendingId}")
    @Operation(operationId = "getPendingAdjustment", summary = "One pending adjustment")
    @APIResponse(responseCode = "200", description = "The pending adjustment")
    public PendingAdjustmentView get(@PathParam("ledId") UUID ledId, @PathParam("pendingId") UUID pendingId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return pending.get(ledId, pendingId);
    }

    @POST
    @Path("/{pendingId}/approval")
    @Operation(operationId = "approveAdjustment", summary = "Approve a pending adjustment", description = "Led-manager "
            + "other than its maker (403 `approver-is-maker`). Posts the ADJUSTMENT entry as requested, recorded by "
            + "its maker; it gets its number now. Its period closed meanwhile: 409 `period-closed`, it stays pending.")
    @APIResponse(responseCode = "201", description = "The posted entry",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntryView.class)))
    public Response approve(@PathParam("ledId") UUID ledId, @PathParam("pendingId") UUID pendingId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "approve", value = """
                    {"note": "Dicek dengan rekening koran bank Maret"}""")))
            @Valid DecisionNote decision, UriInfo uri) {
        access.require(ledId, LedPermission.APPROVE_ADJUSTMENT);
        return idempotency.execute(ledId, idempotencyKey, "POST journal-entries/pending/" + pendingId + "/approval",
                decision == null ? new DecisionNote(null) : decision,
                () -> pending.approve(ledId, pendingId, decision, caller.subject(), entries(uri, ledId)));
    }

    @POST
    @Path("/{pendingId}/rejection")
    @Operation(operationId = "rejectAdjustment", summary = "Reject a pending adjustment", description = "Led-manager "
            + "(the maker may withdraw their own), with the reason in `note`. Nothing is posted.")
    @APIResponse(responseCode = "200", description = "The rejected adjustment")
    public PendingAdjustmentView reject(@PathParam("ledId") UUID ledId, @PathParam("pendingId") UUID pendingId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "reject", value = """
                    {"note": "Bukti transfer tidak ada"}""")))
            @Valid DecisionNote decision) {
        access.require(ledId, LedPermission.APPROVE_ADJUSTMENT);
        return pending.reject(ledId, pendingId, decision, caller.subject());
    }

    private static URI entries(UriInfo uri, UUID ledId) {
        return uri.getBaseUriBuilder().path("api/v1/leds").path(ledId.toString()).path("journal-entries").build();
    }
}
