package id.lumbung.training.trainee;

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
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

import id.lumbung.member.Gender;
import id.lumbung.training.Segment;

/** Enrolling trainees in a programme, and the programme's list of trainees. */
@Path("/api/v1/leds/{ledId}/programmes/{programmeId}/trainees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Training")
@RetriesReads
public class EnrolmentResource {

    private final TraineeService trainees;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public EnrolmentResource(TraineeService trainees, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.trainees = trainees;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "enrollTrainee", summary = "Enrol a trainee", description = "A member (`memberId`): "
            + "trainer, led-clerk or led-manager. A person not yet a member (`person`, the member fields): led-clerk "
            + "or led-manager only, since it registers a member with a NIK (a trainer gets 403), under the same NIK "
            + "rules (409 `duplicate-nik`). The segment comes from the age in completed years on the programme's "
            + "start: YOUTH 18–30, ADULT 31–50, ELDERLY 51 and over; someone born on 29 February turns a year older "
            + "on 1 March in other years; under 18 is 422 `trainee-under-age`. The same member twice in one "
            + "programme is 409 `duplicate-trainee`.")
    @APIResponse(responseCode = "201", description = "The trainee",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TraineeView.class)))
    public Response enrol(@PathParam("ledId") UUID ledId, @PathParam("programmeId") UUID programmeId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "a member", value = """
                    {"memberId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c", "enrolledOn": "2026-03-02"}"""),
                    @ExampleObject(name = "a newcomer", value = """
                    {
                      "person": {
                        "name": "Dewi Lestari",
                        "nik": "1403054208010002",
                        "gender": "F",
                        "birthDate": "2001-08-02",
                        "hamlet": "Dusun Duri Selatan",
                        "phone": "081365432100"
                      }
                    }""")}))
            @NotNull @Valid EnrolmentRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.RECORD_TRAINING);
        if (request.person() != null && !access.allows(LedPermission.MANAGE_MEMBERS)) {
            throw new ApiException(ProblemType.FORBIDDEN, "your role may not register a member; enrol an existing "
                    + "member by memberId");
        }
        return idempotency.execute(ledId, idempotencyKey, "POST programmes/" + programmeId + "/trainees", request,
                () -> {
                    TraineeView trainee = trainees.enrol(ledId, programmeId, request, caller.subject());
                    return Created.at(uri.getBaseUriBuilder().path("api/v1/leds").path(ledId.toString())
                            .path("trainees").path(trainee.id().toString()).build(), trainee);
                });
    }

    @GET
    @Operation(operationId = "listTrainees", summary = "List a programme's trainees", description = "In enrolment "
            + "order, optionally of one segment, gender and status; pages with `limit` and `after`. No NIK.")
    @APIResponse(responseCode = "200", description = "A page of trainees")
    public Page<TraineeView> list(@PathParam("ledId") UUID ledId, @PathParam("programmeId") UUID programmeId,
            @Parameter(description = "Only this age segment.") @QueryParam("segment") Segment segment,
            @Parameter(description = "Only this gender.") @QueryParam("gender") Gender gender,
            @Parameter(description = "Only trainees in this status.") @QueryParam("status") TraineeStatus status,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_TRAINING);
        return trainees.list(ledId, programmeId, segment, gender, status, Cursor.limit(limit), after);
    }
}
