package id.lumbung.ledger.journal;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import id.lumbung.ledger.EntryKind;
import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.idempotency.IdempotentRequest;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** Journal entries of one LED: manual adjustments, reversals and reads. */
@Path("/api/v1/leds/{ledId}/journal-entries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Journal")
@RetriesReads
public class JournalEntryResource {

    private final JournalService journal;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public JournalEntryResource(JournalService journal, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.journal = journal;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "postAdjustment",
            summary = "Post a manual adjustment entry", description = "Led-manager only. Postings name accounts "
            + "by code; debits must equal credits. Business operations (grants, loans, repayments) post their own "
            + "entries through the same core. The control accounts 1-1300, 1-1310 and 2-1100 move only through "
            + "their own operations (422 `control-account`). Above the LED's `adjustmentApprovalThreshold` the "
            + "adjustment waits for a second manager (202).")
    @APIResponse(responseCode = "201", description = "The posted entry; `Location` points at it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntryView.class)))
    @APIResponse(responseCode = "202", description = "Above the LED's `adjustmentApprovalThreshold`: held for a "
            + "second manager, not posted; `Location` points at the pending adjustment",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PendingAdjustmentView.class)))
    public Response post(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "adjustment", value = """
                    {
                      "effectiveDate": "2026-03-15",
                      "description": "Koreksi salah catat setoran kas 14 Maret",
                      "kind": "ADJUSTMENT",
                      "postings": [
                        {
                          "account": "5-1100",
                          "side": "DEBIT",
                          "amount": "150000.00"
                        },
                        {
                          "account": "1-1100",
                          "side": "CREDIT",
                          "amount": "150000.00"
                        }
                      ]
                    }""")))
            @NotNull @Valid JournalEntryRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.POST_ADJUSTMENT);
        IdempotentRequest retry = idempotency.identify(ledId, idempotencyKey, "POST journal-entries", request);
        return IdempotencyService.respond(
                journal.postAdjustment(ledId, request, caller.subject(), retry, uri.getAbsolutePath()));
    }

    @GET
    @Operation(operationId = "listJournalEntries",
            summary = "List journal entries", description = "Ordered by number; filter by effective date range, "
            + "account and kind; pages with `limit` and `after`.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    public Page<JournalEntryView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "First effective date, inclusive.", example = "2026-01-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Last effective date, inclusive.", example = "2026-03-31")
            @QueryParam("to") LocalDate to,
            @Parameter(description = "Only entries posting to this account code.", example = "1-1100")
            @QueryParam("account") String account,
            @Parameter(description = "Only entries of this kind.") @QueryParam("kind") EntryKind kind,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return journal.list(ledId, from, to, account, kind, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{entryId}")
    @Operation(operationId = "getJournalEntry", summary = "One journal entry")
    @APIResponse(responseCode = "200", description = "The entry")
    public JournalEntryView get(@PathParam("ledId") UUID ledId, @PathParam("entryId") UUID entryId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return journal.get(ledId, entryId);
    }

    @POST
    @Path("/{entryId}/reversal")
    @Operation(operationId = "reverseEntry",
            summary = "Reverse an entry", description = "Led-manager only. Posts an entry with the opposite "
            + "postings that references the original; the original is never changed and shows `reversedBy`. "
            + "An entry is reversed at most once.")
    @APIResponse(responseCode = "201", description = "The reversal entry",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntryView.class)))
    public Response reverse(@PathParam("ledId") UUID ledId, @PathParam("entryId") UUID entryId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "bounced", value = """
                    {
                      "reason": "Transfer angsuran ditolak bank (bounced)",
                      "effectiveDate": "2026-03-20"
                    }""")))
            @NotNull @Valid ReversalRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.REVERSE_ENTRY);
        return idempotency.execute(ledId, idempotencyKey, "POST journal-entries/" + entryId + "/reversal", request,
                () -> {
                    JournalEntryView entry = journal.reverse(ledId, entryId, request, caller.subject());
                    return Created.at(uri.getBaseUriBuilder().path("api/v1/leds").path(ledId.toString())
                            .path("journal-entries").path(entry.id().toString()).build(), entry);
                });
    }
}
