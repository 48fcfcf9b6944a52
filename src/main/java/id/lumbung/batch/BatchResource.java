package id.lumbung.batch;

import java.io.IOException;
import java.util.UUID;

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
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemResponses;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** Field sync: the operations a clerk recorded offline, sent in one request and decided one by one. */
@Path("/api/v1/leds/{ledId}/batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Field sync")
@RetriesReads
public class BatchResource {

    private final BatchReader reader;
    private final BatchService batches;
    private final BatchRecords records;
    private final LedAccess access;

    public BatchResource(BatchReader reader, BatchService batches, BatchRecords records, LedAccess access) {
        this.reader = reader;
        this.batches = batches;
        this.records = records;
        this.access = access;
    }

    @POST
    @Operation(operationId = "submitBatch", summary = "Sync a batch of operations recorded offline",
            description = "Led-manager or led-clerk. Up to 1,000 repayments, savings deposits and withdrawals, "
                    + "contributions, expenses and KUB group repayments (413 `batch-too-large` above), each with "
                    + "its own `key` and exactly the fields of its single endpoint. Each is decided in the order "
                    + "sent exactly as if it had been sent alone with `Idempotency-Key: <key>`: the same "
                    + "validation, role check, rules, problem and idempotency. A key already used, alone or in an "
                    + "earlier batch, replays its original answer (`replayed: true`, nothing written again); the "
                    + "same key with another body is that operation's 422 `idempotency-key-reused`. Refusals are "
                    + "not stored: a re-sent refused operation is decided again. `atomic:false` (default): one "
                    + "operation's refusal never undoes another's. `atomic:true`: all or none; a refusal answers "
                    + "409 `batch-refused` with every outcome and writes nothing. The batch itself may carry an "
                    + "`Idempotency-Key`; its answer is kept and readable at `GET /batches/{batchId}` for the "
                    + "idempotency retention (30 days).")
    @APIResponse(responseCode = "200", description = "Every operation's result, in the order sent",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "409", description = "An atomic batch with a refused operation (`batch-refused`, "
            + "with `results`; nothing written), or the batch's own key still in flight",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                    schema = @Schema(anyOf = {BatchRefusal.class, Problem.class}),
                    examples = @ExampleObject(name = "batch-refused", value = """
                            {
                              "type": "urn:lumbung:problem:batch-refused",
                              "title": "An operation of an atomic batch was refused; nothing was written",
                              "status": 409,
                              "detail": "operation 2 (key hp-siti-0002) was refused: insufficient-savings; \
                            nothing was written",
                              "results": [
                                {"key": "hp-siti-0001", "status": 424, "replayed": false, "problem": {
                                  "type": "urn:lumbung:problem:operation-not-applied",
                                  "title": "Not written: another operation of the atomic batch was refused",
                                  "status": 424,
                                  "detail": "not written: operation 2 (key hp-siti-0002) was refused: \
                            insufficient-savings and the batch is atomic"}},
                                {"key": "hp-siti-0002", "status": 409, "replayed": false, "problem": {
                                  "type": "urn:lumbung:problem:insufficient-savings",
                                  "title": "The member's savings balance is smaller than the withdrawal",
                                  "status": 409,
                                  "detail": "the member's savings are 50000.00; 150000.00 cannot be withdrawn"}}
                              ]
                            }""")))
    public Response sync(@PathParam("ledId") UUID ledId,
            @Parameter(description = "The batch's own key: the same batch re-sent with it replays the whole "
                    + "answer. Each operation is keyed by its `key` in any case.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchRequest.class),
                    examples = @ExampleObject(name = "an evening in Dusun II", value = """
                    {
                      "deviceId": "hp-siti-01",
                      "operations": [
                        {"key": "hp-siti-0001", "op": "REPAYMENT",
                         "loanId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6d", "amount": "345000", "paidOn": "2026-04-01"},
                        {"key": "hp-siti-0002", "op": "SAVINGS_DEPOSIT",
                         "memberId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c", "amount": "50000.00",
                         "receivedOn": "2026-04-01", "description": "Setoran simpanan wajib April"},
                        {"key": "hp-siti-0003", "op": "SAVINGS_WITHDRAWAL",
                         "memberId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c", "amount": "20000.00",
                         "paidOn": "2026-04-01"},
                        {"key": "hp-siti-0004", "op": "CONTRIBUTION", "type": "COMMUNITY_EQUITY",
                         "amount": "250000.00", "receivedOn": "2026-04-01",
                         "description": "Swadaya warga Dusun II"},
                        {"key": "hp-siti-0005", "op": "EXPENSE", "account": "5-1100", "amount": "35000.00",
                         "paidOn": "2026-04-01", "description": "Fotokopi kuitansi"},
                        {"key": "hp-siti-0006", "op": "GROUP_REPAYMENT",
                         "groupId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6e",
                         "loanId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6f", "amount": "690000", "paidOn": "2026-04-01"}
                      ]
                    }""")))
            byte[] body, UriInfo uri) throws IOException {
        access.require(ledId, LedPermission.SEND_BATCH);
        BatchRequest request = reader.read(body);
        try {
            return IdempotencyService.respond(batches.submit(ledId, idempotencyKey, request, uri.getBaseUri()));
        } catch (BatchRefused refused) {
            return Response.status(refused.refusal().status()).type(ProblemResponses.MEDIA_TYPE)
                    .entity(refused.refusal()).build();
        }
    }

    @GET
    @Path("/{batchId}")
    @Operation(operationId = "getBatch", summary = "A batch's answer again", description = "For the book "
            + "readers: the answer `POST /batches` gave, as it gave it, for the idempotency retention (30 days) "
            + "after it was sent; a device that lost the answer reads it here (or re-sends the batch).")
    @APIResponse(responseCode = "200", description = "The batch's results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchView.class)))
    public Response get(@PathParam("ledId") UUID ledId, @PathParam("batchId") UUID batchId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        String answer = records.answer(ledId, batchId)
                .orElseThrow(() -> ApiException.notFound("batch " + batchId));
        return Response.ok(answer, MediaType.APPLICATION_JSON).build();
    }
}
