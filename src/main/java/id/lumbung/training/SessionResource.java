package id.lumbung.training;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Sessions of a programme and who attended them. */
@Path("/api/v1/leds/{ledId}/programmes/{programmeId}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Training")
@RetriesReads
public class SessionResource {

    private final SessionService sessions;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public SessionResource(SessionService sessions, LedAccess access, IdempotencyService idempotency, Caller caller) {
        this.sessions = sessions;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "recordSession", summary = "Record a session held", description = "Trainer, led-clerk "
            + "or led-manager. The session belongs to one of the programme's modules (422 `unknown-module`) and was "
            + "held within the programme's run (422 `date-outside-programme`), not after today.")
    @APIResponse(responseCode = "201", description = "The session, with nobody present yet",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SessionView.class)))
    public Response record(@PathParam("ledId") UUID ledId, @PathParam("programmeId") UUID programmeId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "book-keeping workshop", value = """
                    {
                      "heldOn": "2026-03-04",
                      "moduleCode": "KEU",
                      "topic": "Pembukuan sederhana usaha rumahan",
                      "method": "WORKSHOP",
                      "hours": 3
                    }""")))
            @NotNull @Valid SessionRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.RECORD_TRAINING);
        return idempotency.execute(ledId, idempotencyKey, "POST programmes/" + programmeId + "/sessions", request,
                () -> {
                    SessionView session = sessions.record(ledId, programmeId, request, caller.subject());
                    return Created.at(uri.getAbsolutePathBuilder().path(session.id().toString()).build(), session);
                });
    }

    @PUT
    @Path("/{sessionId}/attendance")
    @Operation(operationId = "replaceAttendance", summary = "Record who attended a session", description = "Trainer, "
            + "led-clerk or led-manager. The list replaces the one before (sending it again changes nothing). Each "
            + "trainee named must be enrolled in this programme by the session's day: otherwise 422 `not-enrolled` "
            + "names each and nothing is written.")
    @APIResponse(responseCode = "200", description = "The session with who was present",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SessionView.class)))
    public SessionView replaceAttendance(@PathParam("ledId") UUID ledId, @PathParam("programmeId") UUID programmeId,
            @PathParam("sessionId") UUID sessionId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "two present", value = """
                    {"present": ["0193a5d0-1a2b-7c3d-8e4f-000000000011", "0193a5d0-1a2b-7c3d-8e4f-000000000012"]}""")))
            @NotNull @Valid AttendanceRequest request) {
        access.require(ledId, LedPermission.RECORD_TRAINING);
        return sessions.replaceAttendance(ledId, programmeId, sessionId, request);
    }
}
