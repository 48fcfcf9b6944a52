package id.lumbung.grant;

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

/** District grant capital received by one LED. */
@Path("/api/v1/leds/{ledId}/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Grants")
@RetriesReads
public class GrantResource {

    private final GrantService grants;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public GrantResource(GrantService grants, LedAccess access, IdempotencyService idempotency, Caller caller) {
        this.grants = grants;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "recordGrant",
            summary = "Record a grant tranche received", description = "District officer (of the LED's district) "
            + "or led-manager. Posts one GRANT entry: Dr the receiving cash or bank account (default 1-1200 Bank; "
            + "1-1100, 1-1200 or an account under them) · Cr 3-1100 District grant capital. The entry's `reference` "
            + "points at the grant; the grant's `entryId` at the entry.")
    @APIResponse(responseCode = "201", description = "The grant; `Location` points at it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GrantView.class)))
    public Response record(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "apbd", value = """
                    {
                      "source": "APBD Kabupaten Kampar 2026",
                      "decreeNumber": "SK 412/2026",
                      "amount": "500000000.00",
                      "receivedOn": "2026-02-01",
                      "account": "1-1200"
                    }""")))
            @NotNull @Valid GrantRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.RECORD_GRANT);
        return idempotency.execute(ledId, idempotencyKey, "POST grants", request, () -> {
            GrantView grant = grants.record(ledId, request, caller.subject());
            return Created.at(uri.getAbsolutePathBuilder().path(grant.id().toString()).build(), grant);
        });
    }

    @GET
    @Operation(operationId = "listGrants",
            summary = "List grants", description = "In the order they were recorded; pages with `limit` and "
            + "`after`.")
    @APIResponse(responseCode = "200", description = "A page of grants")
    public Page<GrantView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return grants.list(ledId, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{grantId}")
    @Operation(operationId = "getGrant",
            summary = "One grant and what has become of it", description = "`utilisation` says what happened "
            + "to the money so far: received today; lent out, repaid and outstanding once loans name their grant.")
    @APIResponse(responseCode = "200", description = "The grant")
    public GrantView get(@PathParam("ledId") UUID ledId, @PathParam("grantId") UUID grantId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return grants.get(ledId, grantId);
    }
}
