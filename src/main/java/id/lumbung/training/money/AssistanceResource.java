package id.lumbung.training.money;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** Capital assistance (bantuan modal) given to a trainee. */
@Path("/api/v1/leds/{ledId}/trainees/{traineeId}/assistance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Training")
@RetriesReads
public class AssistanceResource {

    private final TrainingMoneyService money;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public AssistanceResource(TrainingMoneyService money, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.money = money;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "recordCapitalAssistance", summary = "Record capital assistance given to a trainee",
            description = "Led-manager or led-clerk (never a trainer). Paid by the LED (`paidByLed`): one "
            + "CAPITAL_ASSISTANCE entry referencing the trainee, Dr 5-1500 Beban Bantuan Modal · Cr `paidFrom` "
            + "(default 1-1100 Kas). Given directly by a sponsor: recorded without an entry (`sponsor` required). "
            + "Either way it counts in the trainee's capital received from `givenOn`. Another LED's trainee is 404.")
    @APIResponse(responseCode = "201", description = "The assistance; `Location` points at the trainee's capital",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssistanceView.class)))
    public Response give(@PathParam("ledId") UUID ledId, @PathParam("traineeId") UUID traineeId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "equipment bought by the LED", value = """
                    {
                      "kind": "IN_KIND",
                      "description": "Mesin press plastik dan 500 kemasan",
                      "value": "1750000.00",
                      "givenOn": "2026-09-15",
                      "paidByLed": true,
                      "paidFrom": "1-1100"
                    }"""),
                    @ExampleObject(name = "given by a sponsor", value = """
                    {
                      "kind": "IN_KIND",
                      "description": "Bibit nanas 1.000 batang",
                      "value": "2500000.00",
                      "givenOn": "2026-09-20",
                      "paidByLed": false,
                      "sponsor": "CSR PT Pertamina Hulu Rokan"
                    }""")}))
            @NotNull @Valid AssistanceRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.RECORD_TRAINING_MONEY);
        return idempotency.execute(ledId, idempotencyKey, "POST trainees/" + traineeId + "/assistance", request,
                () -> Created.at(uri.getBaseUriBuilder().path("api/v1/leds").path(ledId.toString()).path("trainees")
                        .path(traineeId.toString()).path("capital").build(),
                        money.assist(ledId, traineeId, request, caller.subject())));
    }
}
