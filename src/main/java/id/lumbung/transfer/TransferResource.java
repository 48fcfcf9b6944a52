package id.lumbung.transfer;

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

import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** Transfers between the LED's own cash and bank accounts. */
@Path("/api/v1/leds/{ledId}/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Transfers")
@RetriesReads
public class TransferResource {

    private final TransferService transfers;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public TransferResource(TransferService transfers, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.transfers = transfers;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "recordTransfer", summary = "Move money between cash and bank", description = "Led-clerk "
            + "or led-manager. One TRANSFER entry: Dr `to` · Cr `from`; both must be cash or bank accounts (1-1100, "
            + "1-1200 or under them). More than `from` holds: 409 `insufficient-funds`, nothing written.")
    @APIResponse(responseCode = "201", description = "The transfer; `Location` points at it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TransferView.class)))
    public Response record(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "tarik tunai", value = """
                    {
                      "from": "1-1200",
                      "to": "1-1100",
                      "amount": "5000000",
                      "on": "2026-03-01",
                      "description": "Tarik tunai dari bank untuk pencairan KUB Mawar"
                    }""")))
            @NotNull @Valid TransferRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.RECORD_TRANSFER);
        return idempotency.execute(ledId, idempotencyKey, "POST transfers", request, () -> {
            TransferView transfer = transfers.record(ledId, request, caller.subject());
            return Created.at(uri.getAbsolutePathBuilder().path(transfer.id().toString()).build(), transfer);
        });
    }

    @GET
    @Operation(operationId = "listTransfers", summary = "List transfers", description = "In the order they were "
            + "recorded; pages with `limit` and `after`.")
    @APIResponse(responseCode = "200", description = "A page of transfers")
    public Page<TransferView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return transfers.list(ledId, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{transferId}")
    @Operation(operationId = "getTransfer", summary = "One transfer")
    @APIResponse(responseCode = "200", description = "The transfer")
    public TransferView get(@PathParam("ledId") UUID ledId, @PathParam("transferId") UUID transferId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return transfers.get(ledId, transferId);
    }
}
