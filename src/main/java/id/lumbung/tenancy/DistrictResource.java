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

/** Districts (kabupaten). */
@Path("/api/v1/districts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Tenancy")
@RetriesReads
public class DistrictResource {

    private final DistrictService districts;
    private final IdempotencyService idempotency;

    public DistrictResource(DistrictService districts, IdempotencyService idempotency) {
        this.districts = districts;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "createDistrict", summary = "Register a district", description = "Admin only.")
    @APIResponse(responseCode = "201", description = "The new district",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DistrictView.class)))
    public Response create(
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "kampar", value = """
                    {
                      "code": "1406",
                      "name": "Kabupaten Kampar"
                    }""")))
            @NotNull @Valid DistrictRequest request, UriInfo uri) {
        return idempotency.execute(IdempotencyService.PLATFORM_SCOPE, idempotencyKey, "POST districts", request,
                () -> {
                    DistrictView district = districts.create(request);
                    return Created.at(uri.getAbsolutePathBuilder().path(district.id().toString()).build(), district);
                });
    }

    @GET
    @Operation(operationId = "listDistricts",
            summary = "List districts", description = "All for the admin; the caller's own districts otherwise.")
    @APIResponse(responseCode = "200", description = "A page of districts")
    public Page<DistrictView> list(
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        return districts.list(Cursor.limit(limit), after);
    }

    @GET
    @Path("/{districtId}")
    @Operation(operationId = "getDistrict", summary = "One district")
    @APIResponse(responseCode = "200", description = "The district")
    public DistrictView get(@PathParam("districtId") UUID districtId) {
        return districts.get(districtId);
    }
}
