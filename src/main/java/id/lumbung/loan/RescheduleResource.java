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

/** Rescheduling a loan (restrukturisasi), with maker–checker above the LED's approval threshold. */
@Path("/api/v1/leds/{ledId}/loans/{loanId}/reschedule")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Loans")
@RetriesReads
public class RescheduleResource {

    private final RescheduleService reschedules;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public RescheduleResource(RescheduleService reschedules, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.reschedules = reschedules;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "rescheduleLoan", summary = "Reschedule a disbursed loan (restrukturisasi)",
            description = "Led-manager only. Replaces the schedule from `on` with a new version over the "
                    + "outstanding principal: the product's method and frequency, the new `installments`, "
                    + "`interestRate` (default the loan's) and `graceInstallments`, due dates counted from `on`. "
                    + "Past installments and repayments stay as they were; what the installments due on or "
                    + "before `on` still owe in interest and penalty moves to the new first installment "
                    + "(interest as interest, penalty as charged penalty), so nothing is forgiven. No money "
                    + "moves: no journal entry. When the outstanding principal exceeds the LED's "
                    + "`approvalThreshold` the request waits for another manager (202, `PENDING_APPROVAL`). "
                    + "Refused: a loan not DISBURSED (409 `loan-status`), one owing no principal (409 "
                    + "`nothing-to-reschedule`), a request already waiting (409 `loan-request-pending`), `on` "
                    + "after today (422 `effective-date-in-future`) or before the loan's latest dated event "
                    + "(422 `reschedule-before-latest-event`).")
    @APIResponse(responseCode = "201", description = "Applied; `Location` points at the new schedule version",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RescheduleView.class)))
    @APIResponse(responseCode = "202", description = "Above the threshold: waiting for a second manager; "
            + "`Location` points at the pending request",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RescheduleView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response reschedule(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "Siti Aminah after the flood", value = """
                    {
                      "on": "2026-06-15",
                      "installments": 12,
                      "interestRate": "1",
                      "graceInstallments": 2,
                      "reason": "Usaha kerupuk sagu terhenti karena banjir; angsuran diringankan"
                    }""")))
            @NotNull @Valid RescheduleRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return idempotency.execute(ledId, idempotencyKey, "POST loans/" + loanId + "/reschedule", request, () -> {
            RescheduleView view = reschedules.request(ledId, loanId, request, caller.subject());
            return view.version() == null
                    ? new Created(202, uri.getAbsolutePath(), view, false)
                    : Created.at(schedule(uri, ledId, loanId, view.version()), view);
        });
    }

    @GET
    @Operation(operationId = "getPendingReschedule", summary = "The reschedule request waiting for approval",
            description = "The loan's reschedule request held for a second manager; 404 when none waits.")
    @APIResponse(responseCode = "200", description = "The pending request")
    public RescheduleView waiting(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return reschedules.waiting(ledId, loanId);
    }

    @POST
    @Path("/approval")
    @Operation(operationId = "approveReschedule", summary = "Approve a pending reschedule", description = "Led-"
            + "manager other than the one who requested it (403 `approver-is-maker`). The request is checked "
            + "again against the loan as it stands and applied as requested; 404 when none waits.")
    @APIResponse(responseCode = "201", description = "Applied; `Location` points at the new schedule version",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RescheduleView.class)))
    public Response approve(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "approve", value = """
                    {"note": "Disetujui rapat pengurus; usaha dibuka kembali bulan depan"}""")))
            @NotNull @Valid DecisionRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return idempotency.execute(ledId, idempotencyKey, "POST loans/" + loanId + "/reschedule/approval", request,
                () -> {
                    RescheduleView view = reschedules.approve(ledId, loanId, request, caller.subject());
                    return Created.at(schedule(uri, ledId, loanId, view.version()), view);
                });
    }

    @POST
    @Path("/rejection")
    @Operation(operationId = "rejectReschedule", summary = "Reject a pending reschedule", description = "Led-"
            + "manager, with the reason (the requester may withdraw their own); the schedule stays as it is. "
            + "404 when none waits.")
    @APIResponse(responseCode = "200", description = "The rejected request")
    public RescheduleView reject(@PathParam("ledId") UUID ledId, @PathParam("loanId") UUID loanId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "reject", value = """
                    {"reason": "Anggota belum menyerahkan rencana usaha baru"}""")))
            @NotNull @Valid ReasonRequest request) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return reschedules.reject(ledId, loanId, request, caller.subject());
    }

    private static URI schedule(UriInfo uri, UUID ledId, UUID loanId, int version) {
        return uri.getBaseUriBuilder().path("api/v1/leds").path(ledId.toString()).path("loans")
                .path(loanId.toString()).path("schedule").queryParam("version", version).build();
    }
}
