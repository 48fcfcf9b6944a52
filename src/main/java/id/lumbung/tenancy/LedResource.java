package id.lumbung.tenancy;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import id.lumbung.platform.security.Role;
import io.quarkus.security.Authenticated;

/** LEDs (village economic institutions). */
@Path("/api/v1/leds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Tenancy")
@RetriesReads
public class LedResource {

    private final LedService leds;
    private final IdempotencyService idempotency;

    public LedResource(LedService leds, IdempotencyService idempotency) {
        this.leds = leds;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Role.ADMIN, Role.DISTRICT_OFFICER})
    @Operation(operationId = "openLed",
            summary = "Open an LED", description = "Admin, or a district officer in its own district. The LED "
            + "gets the default chart of accounts (see the README).")
    @APIResponse(responseCode = "201", description = "The new LED",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LedView.class)))
    public Response open(
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "kuok", value = """
                    {
                      "districtId": "0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a10",
                      "code": "1406012001",
                      "name": "LED Desa Kuok",
                      "village": "Kuok"
                    }""")))
            @NotNull @Valid LedRequest request, UriInfo uri) {
        return idempotency.execute(IdempotencyService.PLATFORM_SCOPE, idempotencyKey, "POST leds", request, () -> {
            LedView led = leds.open(request);
            return Created.at(uri.getAbsolutePathBuilder().path(led.id().toString()).build(), led);
        });
    }

    @GET
    @Operation(operationId = "listLeds", summary = "List the LEDs in the caller's scope")
    @APIResponse(responseCode = "200", description = "A page of LEDs")
    public Page<LedView> list(
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        return leds.list(Cursor.limit(limit), after);
    }

    @GET
    @Path("/{ledId}")
    @Operation(operationId = "getLed", summary = "One LED")
    @APIResponse(responseCode = "200", description = "The LED")
    public LedView get(@PathParam("ledId") UUID ledId) {
        return leds.get(ledId);
    }
}
