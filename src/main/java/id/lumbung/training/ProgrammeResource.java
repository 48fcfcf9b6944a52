package id.lumbung.training;

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

/** The LED's community training programmes. */
@Path("/api/v1/leds/{ledId}/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Training")
@RetriesReads
public class ProgrammeResource {

    private final ProgrammeService programmes;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public ProgrammeResource(ProgrammeService programmes, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.programmes = programmes;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createProgramme", summary = "Create a training programme", description = "Trainer, "
            + "led-clerk or led-manager. A programme runs from `startsOn` to `endsOn` with at least one module "
            + "(codes unique) and, optionally, the funding pledged to it by line (names unique).")
    @APIResponse(responseCode = "201", description = "The programme; `Location` points at it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProgrammeView.class)))
    public Response create(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "digital entrepreneurship", value = """
                    {
                      "name": "Pelatihan Kewirausahaan Digital Duri Selatan",
                      "startsOn": "2026-03-02",
                      "endsOn": "2026-08-31",
                      "venue": "Balai Desa Duri Selatan",
                      "venueType": "VILLAGE_HALL",
                      "segment": "YOUTH",
                      "modules": [
                        {"code": "WRS", "title": "Rencana Usaha dan Risiko", "area": "ENTREPRENEURSHIP"},
                        {"code": "DIG", "title": "Pemasaran Media Sosial dan E-commerce", "area": "DIGITAL_BUSINESS"},
                        {"code": "KEU", "title": "Pengelolaan Keuangan", "area": "FINANCIAL_MANAGEMENT"}
                      ],
                      "sessionsPerWeek": 2,
                      "hoursPerSession": 3,
                      "funding": [
                        {"source": "APBD", "name": "APBD Kabupaten Bengkalis 2026", "amount": "45000000.00"},
                        {"source": "SPONSOR", "name": "CSR PT Pertamina Hulu Rokan", "amount": "30000000.00"},
                        {"source": "COMMUNITY", "name": "Swadaya warga Duri Selatan", "amount": "5000000.00"}
                      ]
                    }""")))
            @NotNull @Valid ProgrammeRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.RECORD_TRAINING);
        return idempotency.execute(ledId, idempotencyKey, "POST programmes", request, () -> {
            ProgrammeView programme = programmes.create(ledId, request, caller.subject());
            return Created.at(uri.getAbsolutePathBuilder().path(programme.id().toString()).build(), programme);
        });
    }

    @GET
    @Operation(operationId = "listProgrammes", summary = "List training programmes",
            description = "In the order they were created; pages with `limit` and `after`.")
    @APIResponse(responseCode = "200", description = "A page of programmes")
    public Page<ProgrammeSummaryView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_TRAINING);
        return programmes.list(ledId, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{programmeId}")
    @Operation(operationId = "getProgramme", summary = "One programme", description = "With its modules and the "
            + "sessions held of each, the enrolment (enrolled, active, completed, withdrawn) and the funding: pledged, "
            + "received and spent per line and in total (entries reversed in the journal no longer count).")
    @APIResponse(responseCode = "200", description = "The programme")
    public ProgrammeView get(@PathParam("ledId") UUID ledId, @PathParam("programmeId") UUID programmeId) {
        access.require(ledId, LedPermission.READ_TRAINING);
        return programmes.get(ledId, programmeId);
    }
}
