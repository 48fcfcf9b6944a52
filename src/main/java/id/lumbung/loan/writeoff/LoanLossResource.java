package id.lumbung.loan.writeoff;

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

import id.lumbung.loan.DecisionRequest;
import id.lumbung.loan.ReasonRequest;
import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** A loan the LED no longer expects to collect: its write-off, and what is recovered on it later. */
@Path("/api/v1/leds/{ledId}/loans/{loanId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Loans")
@RetriesReads
public class LoanLossResource {

    private final WriteOffService writeOffs;
    private final RecoveryService recoveries;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public LoanLossResource(WriteOffService writeOffs, RecoveryService recoveries, LedAccess access,
            IdempotencyService idempotency, Caller caller) {
        this.writeOffs = writeOffs;
        this.recoveries = recoveries;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/write-off")
    @Operation(operationId = "writeOffLoan", summary = "Write a loan off", description = "Led-manager only, on a "
            + "DISBURSED loan (409 `loan-status` otherwise), dated `on`: not before anything already recorded on the "
            + "loan (422 `date-before-loan-event`), not after today. One WRITE_OFF entry for the outstanding "
            + "principal: Dr 1-1310 Penyisihan Kerugian Pinjaman as far as the allowance holds (on `on` and now), "
            + "the rest Dr 5-1200 Beban Kerugian Pinjaman · Cr 1-1300 Piutang Pinjaman. Unpaid interest and penalty "
            + "were never income (cash basis) and are forgone. The loan becomes WRITTEN_OFF: it leaves the "
            + "portfolio and keeps its history. Maker–checker as for approval: when the outstanding principal "
            + "exceeds the LED's `approvalThreshold` the request waits (202) for another manager's "
            + "`write-off/approval`; a second request meanwhile: 409 `write-off-pending`.")
    @APIResponse(responseCode = "201", description = "Written off; `Location` points at the write-off",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WriteOffView.class)))
    @APIResponse(responseCode = "202", description = "Above the LED's `approvalThreshold`: waiting for another "
            + "manager, nothing posted; `Location` points at the write-off",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WriteOffView.class)))
    public Response writeOff(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "macet", value = """
                    {"on": "2027-06-30", "reason": "Anggota pindah ke luar daerah, usaha kerupuk sagu tutup"}""")))
            @NotNull @Valid WriteOffRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return idempotency.execute(ledId, idempotencyKey, "POST loans/" + loanId + "/write-off", request,
                () -> writeOffs.request(ledId, loanId, request, caller.subject(), uri.getAbsolutePath()));
    }

    @GET
    @Path("/write-off")
    @Operation(operationId = "getLoanWriteOff", summary = "A loan's write-off", description = "The latest "
            + "write-off request of the loan, pending, completed or rejected; 404 when there is none.")
    @APIResponse(responseCode = "200", description = "The write-off")
    public WriteOffView getWriteOff(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return writeOffs.get(ledId, loanId);
    }

    @POST
    @Path("/write-off/approval")
    @Operation(operationId = "approveLoanWriteOff", summary = "Approve a pending write-off", description = "A "
            + "led-manager other than its maker (403 `approver-is-maker`) completes it, writing off the principal "
            + "outstanding now. None pending: 409 `write-off-not-pending`.")
    @APIResponse(responseCode = "200", description = "The completed write-off and the loan")
    public WriteOffView approve(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "approve", value = """
                    {"note": "Disetujui rapat pengurus 30 Juni"}""")))
            @NotNull @Valid DecisionRequest request) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return writeOffs.approve(ledId, loanId, request, caller.subject());
    }

    @POST
    @Path("/write-off/rejection")
    @Operation(operationId = "rejectLoanWriteOff", summary = "Reject a pending write-off", description = "Led-"
            + "manager only; the loan stays as it is. None pending: 409 `write-off-not-pending`.")
    @APIResponse(responseCode = "200", description = "The rejected write-off and the loan")
    public WriteOffView reject(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "reject", value = """
                    {"reason": "Anggota sudah berjanji melunasi setelah panen"}""")))
            @NotNull @Valid ReasonRequest request) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return writeOffs.reject(ledId, loanId, request, caller.subject());
    }

    @POST
    @Path("/recoveries")
    @Operation(operationId = "recordRecovery", summary = "Record money collected on a written-off loan",
            description = "Led-clerk or led-manager, on a WRITTEN_OFF loan (409 `loan-status` otherwise), dated not "
                    + "before the write-off (422 `paid-before-write-off`). One RECOVERY entry: Dr `account` · Cr "
                    + "4-1400 Pendapatan Pemulihan Piutang. With earlier recoveries never more than was written off "
                    + "(409 `recovery-exceeds-written-off`).")
    @APIResponse(responseCode = "201", description = "The recovery and the loan after it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecoveryView.class)))
    public Response recover(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "setelah panen", value = """
                    {"amount": "250000", "paidOn": "2027-09-15", "account": "1-1100"}""")))
            @NotNull @Valid RecoveryRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.RECORD_REPAYMENT);
        return idempotency.execute(ledId, idempotencyKey, "POST loans/" + loanId + "/recoveries", request, () -> {
            RecoveryView recovery = recoveries.record(ledId, loanId, request, caller.subject());
            return Created.at(uri.getAbsolutePathBuilder().path(recovery.id().toString()).build(), recovery);
        });
    }

    @GET
    @Path("/recoveries")
    @Operation(operationId = "listRecoveries", summary = "What was recovered on a written-off loan",
            description = "In the order recorded.")
    @APIResponse(responseCode = "200", description = "A page of recoveries")
    public Page<RecoveryView> listRecoveries(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return recoveries.list(ledId, loanId, Cursor.limit(limit), after);
    }
}
