package id.lumbung.loan;

import java.net.URI;
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
import jakarta.ws.rs.core.UriBuilder;
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

/** The money of a loan: its disbursement, its repayments, and their reversals. Every POST is idempotent. */
@Path("/api/v1/leds/{ledId}/loans/{loanId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Loans")
@RetriesReads
public class LoanMoneyResource {

    private final DisbursementService disbursements;
    private final RepaymentService repayments;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public LoanMoneyResource(DisbursementService disbursements, RepaymentService repayments, LedAccess access,
            IdempotencyService idempotency, Caller caller) {
        this.disbursements = disbursements;
        this.repayments = repayments;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/disbursement")
    @Operation(operationId = "disburseLoan", summary = "Disburse an approved loan", description = "Led-manager "
            + "only; APPROVED → DISBURSED. One LOAN_DISBURSEMENT entry: Dr 1-1300 Piutang Pinjaman · Cr `paidFrom` "
            + "for the principal, and Dr the collection account · Cr 4-1200 Pendapatan Administrasi for the admin "
            + "fee (principal × adminFeePercent, rounded as the LED rounds). The schedule is fixed now. More than "
            + "the paying account holds: 409 `insufficient-funds`, nothing written.")
    @APIResponse(responseCode = "201", description = "The disbursement and the loan; `Location` points at the loan",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisbursementView.class)))
    public Response disburse(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "from the bank", value = """
                    {"disbursedOn": "2026-03-01", "paidFrom": "1-1200"}""")))
            @NotNull @Valid DisbursementRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return idempotency.execute(ledId, idempotencyKey, "POST loans/" + loanId + "/disbursement", request, () -> {
            DisbursementView disbursement = disbursements.disburse(ledId, loanId, request, caller.subject());
            return Created.at(loan(uri, ledId, loanId), disbursement);
        });
    }

    @POST
    @Path("/disbursement/reversal")
    @Operation(operationId = "reverseLoanDisbursement", summary = "Reverse a disbursement recorded by mistake",
            description = "Led-manager only, while no repayment of the loan stands (409 "
                    + "`disbursement-has-repayments`) and never once rescheduled (409 `loan-rescheduled`). The "
                    + "core reverses the disbursement's entry (dated today or "
                    + "`effectiveDate`), the schedule goes and the loan returns to APPROVED.")
    @APIResponse(responseCode = "201", description = "The reversal and the loan",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LoanReversalView.class)))
    public Response reverseDisbursement(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "wrong member", value = """
                    {"reason": "Pencairan dicatat untuk anggota yang salah"}""")))
            @NotNull @Valid ReasonRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return idempotency.execute(ledId, idempotencyKey, "POST loans/" + loanId + "/disbursement/reversal", request,
                () -> Created.at(loan(uri, ledId, loanId),
                        disbursements.reverse(ledId, loanId, request, caller.subject())));
    }

    @POST
    @Path("/repayments")
    @Operation(operationId = "recordRepayment", summary = "Record a repayment", description = "Led-clerk or "
            + "led-manager. Allocated oldest installment first, within it in the LED's `allocationOrder` (default "
            + "penalty → interest → principal), penalty accrued to `paidOn`; beyond everything due it prepays "
            + "principal from the last installment backwards. One REPAYMENT entry: Dr `account` · Cr 4-1300 Denda · "
            + "Cr 4-1100 Jasa · Cr 1-1300 Pokok, zero lines left out. More than the loan owes: 409 "
            + "`repayment-exceeds-outstanding`; dated before the loan's reschedule: 422 `paid-before-reschedule`. "
            + "The payment that leaves nothing owing closes the loan.")
    @APIResponse(responseCode = "201", description = "The repayment, its allocation and the loan after it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RepaymentView.class)))
    public Response repay(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "angsuran ke-1", value = """
                    {"amount": "345000", "paidOn": "2026-04-01", "account": "1-1100"}""")))
            @NotNull @Valid RepaymentRequest request, UriInfo uri) {
        return IdempotencyService.respond(recordRepayment(ledId, loanId, idempotencyKey, request, uri.getBaseUri()));
    }

    /**
     * A validated repayment under its key, as {@code POST …/repayments} decides it: the one path a
     * repayment takes, alone or as a field batch's REPAYMENT operation (batch/BatchService).
     */
    public Created recordRepayment(UUID ledId, UUID loanId, String idempotencyKey, RepaymentRequest request,
            URI base) {
        access.require(ledId, LedPermission.RECORD_REPAYMENT);
        return idempotency.decide(ledId, idempotencyKey, "POST loans/" + loanId + "/repayments", request, () -> {
            RepaymentView repayment = repayments.record(ledId, loanId, request, caller.subject());
            return Created.at(UriBuilder.fromUri(base).path("api/v1/leds").path(ledId.toString()).path("loans")
                    .path(loanId.toString()).path("repayments").path(repayment.id().toString()).build(), repayment);
        });
    }

    @GET
    @Path("/repayments")
    @Operation(operationId = "listRepayments", summary = "A loan's repayments", description = "In the order they "
            + "were recorded, each with its allocation and, once reversed, `reversedBy`.")
    @APIResponse(responseCode = "200", description = "A page of repayments")
    public Page<RepaymentView> listRepayments(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return repayments.list(ledId, loanId, Cursor.limit(limit), after);
    }

    @GET
    @Path("/repayments/{repaymentId}")
    @Operation(operationId = "getRepayment", summary = "One repayment of a loan", description = "Its allocation "
            + "and, once reversed, `reversedBy`.")
    @APIResponse(responseCode = "200", description = "The repayment")
    public RepaymentView getRepayment(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @PathParam("repaymentId") UUID repaymentId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return repayments.get(ledId, loanId, repaymentId);
    }

    @POST
    @Path("/repayments/{repaymentId}/reversal")
    @Operation(operationId = "reverseRepayment", summary = "Reverse a repayment (a bounced transfer)",
            description = "Led-manager only. Only the loan's latest standing repayment (409 `repayment-not-latest`: "
                    + "reverse the later ones first), once (409 `repayment-already-reversed`), and not one recorded "
                    + "before a reschedule of the loan (409 `loan-rescheduled`: the reschedule stands on it). The "
                    + "core reverses its "
                    + "entry, dated today or `effectiveDate` (not before the repayment), and the schedule and the "
                    + "loan return to what they were before it; a CLOSED loan is DISBURSED again.")
    @APIResponse(responseCode = "201", description = "The reversal and the loan after it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LoanReversalView.class)))
    public Response reverseRepayment(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @PathParam("repaymentId") UUID repaymentId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "bounced", value = """
                    {"reason": "Transfer dari anggota ditolak bank (saldo tidak cukup)"}""")))
            @NotNull @Valid ReasonRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.REVERSE_REPAYMENT);
        return idempotency.execute(ledId, idempotencyKey, "POST loans/" + loanId + "/repayments/" + repaymentId
                + "/reversal", request, () -> Created.at(loan(uri, ledId, loanId),
                        repayments.reverse(ledId, loanId, repaymentId, request, caller.subject())));
    }

    private static URI loan(UriInfo uri, UUID ledId, UUID loanId) {
        return uri.getBaseUriBuilder().path("api/v1/leds").path(ledId.toString()).path("loans")
                .path(loanId.toString()).build();
    }
}
