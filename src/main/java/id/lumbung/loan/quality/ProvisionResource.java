package id.lumbung.loan.quality;

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

/** Loan-loss provisions (PPAP): the allowance the portfolio needs as of a day, booked to 1-1310. */
@Path("/api/v1/leds/{ledId}/provisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Provisions")
@RetriesReads
public class ProvisionResource {

    private final ProvisionService provisions;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public ProvisionResource(ProvisionService provisions, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.provisions = provisions;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "provisionLoanLosses", summary = "Book the loan-loss provision as of a day",
            description = "Led-manager only. Classifies every loan standing disbursed on `asOf` by the loan-quality "
                    + "setting in force that day; `required` = Σ each loan's provisionRequired. One PROVISION entry "
                    + "dated `asOf` brings 1-1310 Penyisihan Kerugian Pinjaman, as booked as of `asOf` "
                    + "(`bookedBefore`), to exactly `required`: Dr 5-1200 Beban Kerugian Pinjaman · Cr 1-1310 when "
                    + "it rises, the reverse when it falls; no entry (`entryId` null) when nothing changes. The "
                    + "entry cannot be reversed through the journal: provision again instead. `asOf` after today: "
                    + "422 `effective-date-in-future`; inside a closed period: 409 `period-closed`; before the "
                    + "latest provision: 409 `provision-out-of-order`.")
    @APIResponse(responseCode = "201", description = "The provision; `Location` points at it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProvisionView.class)))
    public Response provision(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "month end", value = """
                    {"asOf": "2026-04-30"}""")))
            @NotNull @Valid ProvisionRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.BOOK_PROVISION);
        return idempotency.execute(ledId, idempotencyKey, "POST provisions", request, () -> {
            ProvisionView provision = provisions.provision(ledId, request, caller.subject());
            return Created.at(uri.getAbsolutePathBuilder().path(provision.id().toString()).build(), provision);
        });
    }

    @GET
    @Operation(operationId = "listProvisions", summary = "List provisions", description = "In the order they "
            + "were booked. Pages with `limit` and `after`.")
    @APIResponse(responseCode = "200", description = "A page of provisions")
    public Page<ProvisionView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return provisions.list(ledId, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{provisionId}")
    @Operation(operationId = "getProvision", summary = "One provision", description = "What the portfolio needed "
            + "by class, what 1-1310 held, and the entry between them.")
    @APIResponse(responseCode = "200", description = "The provision")
    public ProvisionView get(@PathParam("ledId") UUID ledId, @PathParam("provisionId") UUID provisionId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return provisions.get(ledId, provisionId);
    }
}
