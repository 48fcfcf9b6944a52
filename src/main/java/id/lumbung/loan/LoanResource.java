package id.lumbung.loan;

import java.time.LocalDate;
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

import id.lumbung.loan.quality.Kolektibilitas;
import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** Member loans: applications, the maker–checker decision, and each loan as of any day with its schedule. */
@Path("/api/v1/leds/{ledId}/loans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Loans")
@RetriesReads
public class LoanResource {

    private final LoanService loans;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public LoanResource(LoanService loans, LedAccess access, IdempotencyService idempotency, Caller caller) {
        this.loans = loans;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "applyForLoan", summary = "Apply for a loan", description = "Led-clerk or led-manager, "
            + "on a member's behalf. The loan starts APPLIED; `installments` and `interestRate` may override the "
            + "product's inside its bounds (a rate only downwards). `grantId` names the grant whose capital funds "
            + "it. A member may have several loans.")
    @APIResponse(responseCode = "201", description = "The application; `Location` points at the loan",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LoanView.class)))
    public Response apply(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "Siti Aminah, KUB Mawar", value = """
                    {
                      "memberId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c",
                      "productId": "0193a5c2-11aa-7e0f-b3c4-000000000101",
                      "principal": "3000000",
                      "installments": 10,
                      "purpose": "Modal usaha kerupuk sagu"
                    }""")))
            @NotNull @Valid LoanRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.APPLY_LOAN);
        return idempotency.execute(ledId, idempotencyKey, "POST loans", request, () -> {
            LoanView loan = loans.apply(ledId, request, caller.subject());
            return Created.at(uri.getAbsolutePathBuilder().path(loan.id().toString()).build(), loan);
        });
    }

    @GET
    @Operation(operationId = "listLoans", summary = "List loans", description = "In the order they were applied "
            + "for, filtered by status, member, KUB group or class (kolektibilitas, as of `asOf`); each item as "
            + "`GET /loans/{loanId}` shows it as of `asOf` (default today). Pages with `limit` and `after`.")
    @APIResponse(responseCode = "200", description = "A page of loans")
    public Page<LoanView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Only loans in this status.") @QueryParam("status") LoanStatus status,
            @Parameter(description = "Only this member's loans.") @QueryParam("memberId") UUID memberId,
            @Parameter(description = "Only loans through this KUB group.") @QueryParam("groupId") UUID groupId,
            @Parameter(description = "Only loans of this class (kolektibilitas) as of `asOf`.", example = "MACET")
            @QueryParam("kolektibilitas") Kolektibilitas kolektibilitas,
            @Parameter(description = "The day the figures are as of; default today in the LED's calendar.",
                    example = "2026-04-15") @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return loans.list(ledId, status, memberId, groupId, kolektibilitas, asOf, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{loanId}")
    @Operation(operationId = "getLoan", summary = "One loan as of a day", description = "Status, outstanding "
            + "principal, interest and penalty due, days past due, arrears and what falls due next, as of `asOf` "
            + "(default today), with its class (kolektibilitas) and the provision it needs by the LED's "
            + "loan-quality setting in force that day. A past day is built from dated rows (each repayment counts "
            + "from its `paidOn` until its reversal's date), so 1-1300 as of a day equals the loans' outstanding "
            + "principal that day.")
    @APIResponse(responseCode = "200", description = "The loan")
    public LoanView get(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "The day the figures are as of; default today in the LED's calendar.",
                    example = "2026-04-15") @QueryParam("asOf") LocalDate asOf) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return loans.get(ledId, loanId, asOf);
    }

    @GET
    @Path("/{loanId}/schedule")
    @Operation(operationId = "getLoanSchedule", summary = "A loan's schedule", description = "Fixed at "
            + "disbursement and replaced by each reschedule: each installment's due date, principal and interest, "
            + "what has been paid of it and its status. `version` shows a superseded version as it stood when "
            + "it was replaced (default: the current one, the loan's `scheduleVersion`; 404 for a version the "
            + "loan never had). Before disbursement: 409 `loan-status`.")
    @APIResponse(responseCode = "200", description = "The schedule")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ScheduleView schedule(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "The schedule version: 1 from disbursement, one more per reschedule.",
                    example = "1") @QueryParam("version") Integer version) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return loans.schedule(ledId, loanId, version);
    }

    @POST
    @Path("/{loanId}/approval")
    @Operation(operationId = "approveLoan", summary = "Approve a loan application", description = "Led-manager "
            + "only; APPLIED → APPROVED. Maker–checker: when the principal exceeds the LED's `approvalThreshold` "
            + "(default 0: always), the approver must be another person than the applicant — 403 "
            + "`approver-is-maker` otherwise.")
    @APIResponse(responseCode = "200", description = "The approved loan")
    public LoanView approve(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "approve", value = """
                    {"note": "Usaha berjalan 2 tahun, dijamin KUB Mawar"}""")))
            @NotNull @Valid DecisionRequest request) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return loans.approve(ledId, loanId, request, caller.subject());
    }

    @POST
    @Path("/{loanId}/rejection")
    @Operation(operationId = "rejectLoan", summary = "Reject a loan application", description = "Led-manager "
            + "only; APPLIED → REJECTED, with the reason.")
    @APIResponse(responseCode = "200", description = "The rejected loan")
    public LoanView reject(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "reject", value = """
                    {"reason": "Masih ada tunggakan pinjaman sebelumnya"}""")))
            @NotNull @Valid ReasonRequest request) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return loans.reject(ledId, loanId, request, caller.subject());
    }
}
