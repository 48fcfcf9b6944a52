package id.lumbung.ledger.period;

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
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** Accounting periods of one LED. */
@Path("/api/v1/leds/{ledId}/periods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Periods")
@RetriesReads
public class PeriodResource {

    private final PeriodService periods;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public PeriodResource(PeriodService periods, LedAccess access, IdempotencyService idempotency, Caller caller) {
        this.periods = periods;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listPeriods",
            summary = "Closed periods", description = "The date the books are closed through and every close.")
    @APIResponse(responseCode = "200", description = "The periods")
    public PeriodsView list(@PathParam("ledId") UUID ledId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return periods.list(ledId);
    }

    @POST
    @Path("/close")
    @Operation(operationId = "closePeriod",
            summary = "Close the books through a date", description = "Led-manager only. Afterwards nothing can "
            + "be posted with an effective date on or before it (409 `period-closed`).")
    @APIResponse(responseCode = "201", description = "The close",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PeriodView.class)))
    public Response close(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "quarter", value = """
                    {
                      "through": "2026-03-31"
                    }""")))
            @NotNull @Valid CloseRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.CLOSE_PERIOD);
        return idempotency.execute(ledId, idempotencyKey, "POST periods/close", request, () -> {
            PeriodView close = periods.close(ledId, request.through(), caller.subject());
            return Created.at(uri.getBaseUriBuilder().path("api/v1/leds").path(ledId.toString()).path("periods")
                    .build(), close);
        });
    }
}
