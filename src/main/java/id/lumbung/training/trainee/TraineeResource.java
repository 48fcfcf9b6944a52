package id.lumbung.training.trainee;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/** One trainee: what is recorded about their training, and their way out of it. */
@Path("/api/v1/leds/{ledId}/trainees/{traineeId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Training")
@RetriesReads
public class TraineeResource {

    private static final String IDEMPOTENT = "Makes a retry safe: same key and body replay the original response.";

    private final TraineeService trainees;
    private final TraineeRecordService records;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public TraineeResource(TraineeService trainees, TraineeRecordService records, LedAccess access,
            IdempotencyService idempotency, Caller caller) {
        this.trainees = trainees;
        this.records = records;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getTrainee", summary = "One trainee", description = "With their evaluations, "
            + "feedback and monitoring outcomes. No NIK.")
    @APIResponse(responseCode = "200", description = "The trainee")
    public TraineeDetailView get(@PathParam("ledId") UUID ledId, @PathParam("traineeId") UUID traineeId) {
        access.require(ledId, LedPermission.READ_TRAINING);
        return records.detail(ledId, traineeId);
    }

    @POST
    @Path("/evaluations")
    @Operation(operationId = "recordEvaluation", summary = "Record a module evaluation", description = "Trainer, "
            + "led-clerk or led-manager. One per module of the trainee's programme (422 `unknown-module`); a second "
            + "is 409 `duplicate-evaluation`: correct the first with PUT. Score 0–100; 60 or more passes.")
    @APIResponse(responseCode = "201", description = "The evaluation",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationView.class)))
    public Response evaluate(@PathParam("ledId") UUID ledId, @PathParam("traineeId") UUID traineeId,
            @Parameter(description = IDEMPOTENT) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "modul Pengelolaan Keuangan", value = """
                    {"moduleCode": "KEU", "score": 78, "evaluatedOn": "2026-04-15"}""")))
            @NotNull @Valid EvaluationRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.RECORD_TRAINING);
        return idempotency.execute(ledId, idempotencyKey, "POST trainees/" + traineeId + "/evaluations", request,
                () -> {
                    EvaluationView evaluation = records.evaluate(ledId, traineeId, request, caller.subject());
                    return Created.at(uri.getAbsolutePathBuilder().path(evaluation.id().toString()).build(),
                            evaluation);
                });
    }

    @PUT
    @Path("/evaluations/{evaluationId}")
    @Operation(operationId = "updateEvaluation", summary = "Correct a module evaluation", description = "Trainer, "
            + "led-clerk or led-manager. Replaces the score and day; the audit trail keeps who changed it and the "
            + "values before and after (`trainee.evaluation.corrected`).")
    @APIResponse(responseCode = "200", description = "The corrected evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationView.class)))
    public EvaluationView correct(@PathParam("ledId") UUID ledId, @PathParam("traineeId") UUID traineeId,
            @PathParam("evaluationId") UUID evaluationId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "score corrected", value = """
                    {"score": 82, "evaluatedOn": "2026-04-15"}""")))
            @NotNull @Valid EvaluationCorrection request) {
        access.require(ledId, LedPermission.RECORD_TRAINING);
        return records.correct(ledId, traineeId, evaluationId, request, caller.subject());
    }

    @POST
    @Path("/feedback")
    @Operation(operationId = "recordFeedback", summary = "Record a trainee's feedback",
            description = "Trainer, led-clerk or led-manager. Rating 1–5, on or after the enrolment.")
    @APIResponse(responseCode = "201", description = "The feedback",
            headers = {@Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FeedbackView.class)))
    public Response feedback(@PathParam("ledId") UUID ledId, @PathParam("traineeId") UUID traineeId,
            @Parameter(description = IDEMPOTENT) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "helpful", value = """
                    {"givenOn": "2026-04-15", "rating": 5,
                     "comment": "Modul Pengelolaan Keuangan sangat membantu usaha kami"}""")))
            @NotNull @Valid FeedbackRequest request) {
        access.require(ledId, LedPermission.RECORD_TRAINING);
        return idempotency.execute(ledId, idempotencyKey, "POST trainees/" + traineeId + "/feedback", request,
                () -> new Created(201, null, records.feedback(ledId, traineeId, request, caller.subject()), false));
    }

    @POST
    @Path("/completion")
    @Operation(operationId = "completeTraining", summary = "Record that a trainee completed the programme",
            description = "Trainer, led-clerk or led-manager. Once, while still enrolled (409 `trainee-status`); "
            + "not before the enrolment (422 `date-before-enrolment`) nor after today.")
    @APIResponse(responseCode = "200", description = "The trainee, COMPLETED",
            headers = {@Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TraineeView.class)))
    public Response complete(@PathParam("ledId") UUID ledId, @PathParam("traineeId") UUID traineeId,
            @Parameter(description = IDEMPOTENT) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "completed", value = """
                    {"completedOn": "2026-08-28"}""")))
            @NotNull @Valid CompletionRequest request) {
        access.require(ledId, LedPermission.RECORD_TRAINING);
        return idempotency.execute(ledId, idempotencyKey, "POST trainees/" + traineeId + "/completion", request,
                () -> new Created(200, null, trainees.complete(ledId, traineeId, request, caller.subject()), false));
    }

    @POST
    @Path("/withdrawal")
    @Operation(operationId = "withdrawTrainee", summary = "Record that a trainee left the programme",
            description = "Trainer, led-clerk or led-manager. Once, while still enrolled (409 `trainee-status`); "
            + "not before the enrolment (422 `date-before-enrolment`) nor after today.")
    @APIResponse(responseCode = "200", description = "The trainee, WITHDRAWN",
            headers = {@Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TraineeView.class)))
    public Response withdraw(@PathParam("ledId") UUID ledId, @PathParam("traineeId") UUID traineeId,
            @Parameter(description = IDEMPOTENT) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "moved away", value = """
                    {"on": "2026-05-04", "reason": "Pindah kerja ke Pekanbaru"}""")))
            @NotNull @Valid WithdrawalRequest request) {
        access.require(ledId, LedPermission.RECORD_TRAINING);
        return idempotency.execute(ledId, idempotencyKey, "POST trainees/" + traineeId + "/withdrawal", request,
                () -> new Created(200, null, trainees.withdraw(ledId, traineeId, request, caller.subject()), false));
    }

    @POST
    @Path("/mentor")
    @Operation(operationId = "assignMentor", summary = "Give a trainee a mentor",
            description = "Trainer, led-clerk or led-manager. Replaces the mentor before.")
    @APIResponse(responseCode = "200", description = "The trainee with the mentor",
            headers = {@Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TraineeView.class)))
    public Response mentor(@PathParam("ledId") UUID ledId, @PathParam("traineeId") UUID traineeId,
            @Parameter(description = IDEMPOTENT) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "digital marketing", value = """
                    {"name": "Hendra Gunawan", "field": "Pemasaran digital"}""")))
            @NotNull @Valid MentorRequest request) {
        access.require(ledId, LedPermission.RECORD_TRAINING);
        return idempotency.execute(ledId, idempotencyKey, "POST trainees/" + traineeId + "/mentor", request,
                () -> new Created(200, null, trainees.mentor(ledId, traineeId, request, caller.subject()), false));
    }

    @POST
    @Path("/outcomes")
    @Operation(operationId = "recordOutcome", summary = "Record a trainee's monitoring outcome",
            description = "Trainer, led-clerk or led-manager. A baseline at enrolment and follow-ups later; the "
            + "latest counts as now. A "
            + "negative income is 422 `negative-income`; a group must be one of this LED's.")
    @APIResponse(responseCode = "201", description = "The outcome",
            headers = {@Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OutcomeView.class)))
    public Response outcome(@PathParam("ledId") UUID ledId, @PathParam("traineeId") UUID traineeId,
            @Parameter(description = IDEMPOTENT) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "business started", value = """
                    {
                      "recordedOn": "2026-09-30",
                      "monthlyIncome": "2750000.00",
                      "employed": true,
                      "businessStarted": true,
                      "businessName": "Keripik Nanas Duri",
                      "businessSector": "Makanan olahan"
                    }""")))
            @NotNull @Valid OutcomeRequest request) {
        access.require(ledId, LedPermission.RECORD_TRAINING);
        return idempotency.execute(ledId, idempotencyKey, "POST trainees/" + traineeId + "/outcomes", request,
                () -> new Created(201, null, records.outcome(ledId, traineeId, request, caller.subject()), false));
    }
}
