package id.lumbung.contribution;

import java.net.URI;
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
import jakarta.ws.rs.core.UriBuilder;
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

/** Contributions received by one LED: community swadaya (member savings deposits to come). */
@Path("/api/v1/leds/{ledId}/contributions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Contributions")
@RetriesReads
public class ContributionResource {

    private final ContributionService contributions;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public ContributionResource(ContributionService contributions, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.contributions = contributions;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "recordContribution",
            summary = "Record a contribution", description = "Led-manager or led-clerk. COMMUNITY_EQUITY "
            + "(swadaya) posts one CONTRIBUTION entry: Dr the receiving cash or bank account (default 1-1100 Kas) · "
            + "Cr 3-1200 Community equity. SAVINGS_DEPOSIT (with `memberId`) goes through the member's savings: "
            + "one SAVINGS_DEPOSIT entry Dr 1-1100 · Cr 2-1100, visible in the member's passbook.")
    @APIResponse(responseCode = "201", description = "The contribution; `Location` points at it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContributionView.class)))
    public Response record(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "swadaya", value = """
                    {
                      "type": "COMMUNITY_EQUITY",
                      "amount": "2500000.00",
                      "receivedOn": "2026-03-07",
                      "description": "Swadaya warga Dusun II untuk modal bergulir"
                    }""")))
            @NotNull @Valid ContributionRequest request, UriInfo uri) {
        return IdempotencyService.respond(record(ledId, idempotencyKey, request, uri.getBaseUri()));
    }

    /**
     * A validated contribution under its key, as {@code POST …/contributions} decides it: the one
     * path a contribution takes, alone or as a field batch's CONTRIBUTION operation.
     */
    public Created record(UUID ledId, String idempotencyKey, ContributionRequest request, URI base) {
        access.require(ledId, LedPermission.RECORD_CONTRIBUTION);
        return idempotency.decide(ledId, idempotencyKey, "POST contributions", request, () -> {
            ContributionView contribution = contributions.record(ledId, request, caller.subject());
            return Created.at(UriBuilder.fromUri(base).path("api/v1/leds").path(ledId.toString())
                    .path("contributions").path(contribution.id().toString()).build(), contribution);
        });
    }

    @GET
    @Operation(operationId = "listContributions",
            summary = "List contributions", description = "In the order they were recorded, optionally of one "
            + "type; pages with `limit` and `after`.")
    @APIResponse(responseCode = "200", description = "A page of contributions")
    public Page<ContributionView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Only contributions of this type.") @QueryParam("type") ContributionType type,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return contributions.list(ledId, type, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{contributionId}")
    @Operation(operationId = "getContribution", summary = "One contribution")
    @APIResponse(responseCode = "200", description = "The contribution")
    public ContributionView get(@PathParam("ledId") UUID ledId, @PathParam("contributionId") UUID contributionId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return contributions.get(ledId, contributionId);
    }
}
