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

/** A programme's money: funding received for it and what it spent, each one entry in the books. */
@Path("/api/v1/leds/{ledId}/programmes/{programmeId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Training")
@RetriesReads
public class ProgrammeMoneyResource {

    private static final String IDEMPOTENT = "Makes a retry safe: same key and body replay the original response.";

    private final TrainingMoneyService money;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public ProgrammeMoneyResource(TrainingMoneyService money, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.money = money;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/funding-receipts")
    @Operation(operationId = "recordFundingReceipt", summary = "Record funding received for a programme",
            description = "Led-manager or led-clerk (never a trainer). Money a funder of one of the programme's "
            + "funding lines paid (422 `unknown-funding-line`). One TRAINING_FUNDING entry referencing the "
            + "programme: Dr the collection account (default 1-1200 Bank) · Cr 4-1900 Pendapatan Lain-lain.")
    @APIResponse(responseCode = "201", description = "The receipt; `Location` points at the programme",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FundingReceiptView.class)))
    public Response receive(@PathParam("ledId") UUID ledId, @PathParam("programmeId") UUID programmeId,
            @Parameter(description = IDEMPOTENT) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "sponsor transfer", value = """
                    {"fundingLine": "CSR PT Pertamina Hulu Rokan", "amount": "15000000.00", "receivedOn": "2026-03-10",
                     "account": "1-1200"}""")))
            @NotNull @Valid FundingReceiptRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.RECORD_TRAINING_MONEY);
        return idempotency.execute(ledId, idempotencyKey, "POST programmes/" + programmeId + "/funding-receipts",
                request, () -> Created.at(programme(uri, ledId, programmeId),
                        money.receiveFunding(ledId, programmeId, request, caller.subject())));
    }

    @POST
    @Path("/expenses")
    @Operation(operationId = "recordProgrammeExpense", summary = "Record a programme expense",
            description = "Led-manager or led-clerk (never a trainer). One EXPENSE entry referencing the programme: "
            + "Dr the expense account (default 5-1300 Beban Pelatihan; an EXPENSE account) · Cr the paying account "
            + "(default 1-1100 Kas). Naming a funding line counts it as spent from that line. Cash cannot go below "
            + "zero: 409 `insufficient-funds`, nothing written.")
    @APIResponse(responseCode = "201", description = "The expense; `Location` points at the programme",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProgrammeExpenseView.class)))
    public Response spend(@PathParam("ledId") UUID ledId, @PathParam("programmeId") UUID programmeId,
            @Parameter(description = IDEMPOTENT) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "printed modules", value = """
                    {
                      "amount": "1200000.00",
                      "paidOn": "2026-03-04",
                      "description": "Modul cetak Pengelolaan Keuangan, 30 eksemplar",
                      "fundingLine": "CSR PT Pertamina Hulu Rokan",
                      "account": "5-1300",
                      "paidFrom": "1-1100"
                    }""")))
            @NotNull @Valid ProgrammeExpenseRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.RECORD_TRAINING_MONEY);
        return idempotency.execute(ledId, idempotencyKey, "POST programmes/" + programmeId + "/expenses", request,
                () -> Created.at(programme(uri, ledId, programmeId),
                        money.spend(ledId, programmeId, request, caller.subject())));
    }

    private static java.net.URI programme(UriInfo uri, UUID ledId, UUID programmeId) {
        return uri.getBaseUriBuilder().path("api/v1/leds").path(ledId.toString()).path("programmes")
                .path(programmeId.toString()).build();
    }
}
