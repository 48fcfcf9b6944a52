package id.lumbung.loan.group;

import java.net.URI;
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

import id.lumbung.loan.DecisionRequest;
import id.lumbung.loan.DisbursementRequest;
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

/**
 * KUB group loans (tanggung renteng): one application for the group, its members' shares each a
 * loan of its own, decided, paid out and repaid together. {loanId} is the group loan's id.
 */
@Path("/api/v1/leds/{ledId}/groups/{groupId}/loans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Loans")
@RetriesReads
public class GroupLoanResource {

    private static final String SAFE_RETRY = "Makes a retry safe: same key and body replay the original response.";

    private final GroupLoanService groupLoans;
    private final GroupRepaymentService repayments;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public GroupLoanResource(GroupLoanService groupLoans, GroupRepaymentService repayments, LedAccess access,
            IdempotencyService idempotency, Caller caller) {
        this.groupLoans = groupLoans;
        this.repayments = repayments;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "applyForGroupLoan", summary = "Apply for a KUB group loan", description = "Led-clerk "
            + "or led-manager, on the group's behalf. Each share is a loan of its own on the product, checked as a "
            + "single application is (`outside-product-bounds`, `unknown-product`, `product-retired`, "
            + "`unknown-grant`), and starts APPLIED. Every member must be in the group (422 "
            + "`member-not-in-group`), none twice (422 `duplicate-share`), at least one share (422 `no-shares`); "
            + "nothing is written otherwise.")
    @APIResponse(responseCode = "201", description = "The group loan; `Location` points at it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupLoanView.class)))
    public Response apply(@PathParam("ledId") UUID ledId, @PathParam("groupId") UUID groupId,
            @Parameter(description = SAFE_RETRY) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "KUB Mawar: Siti Aminah, Dewi Lestari, Rina Wati", value = """
                    {
                      "productId": "0193a5c2-11aa-7e0f-b3c4-000000000101",
                      "shares": [
                        {"memberId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c", "principal": "3000000"},
                        {"memberId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6d", "principal": "2000000"},
                        {"memberId": "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6e", "principal": "1000000"}
                      ],
                      "purpose": "Modal usaha anyaman pandan KUB Mawar"
                    }""")))
            @NotNull @Valid GroupLoanRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.APPLY_LOAN);
        return idempotency.execute(ledId, idempotencyKey, "POST groups/" + groupId + "/loans", request, () -> {
            GroupLoanView loan = groupLoans.apply(ledId, groupId, request, caller.subject());
            return Created.at(uri.getAbsolutePathBuilder().path(loan.id().toString()).build(), loan);
        });
    }

    @GET
    @Operation(operationId = "listGroupLoans", summary = "A KUB group's loans", description = "In the order they "
            + "were applied for, each as `GET /groups/{groupId}/loans/{loanId}` shows it as of `asOf` (default "
            + "today). Pages with `limit` and `after`.")
    @APIResponse(responseCode = "200", description = "A page of group loans")
    public Page<GroupLoanView> list(@PathParam("ledId") UUID ledId, @PathParam("groupId") UUID groupId,
            @Parameter(description = "The day the figures are as of; default today in the LED's calendar.",
                    example = "2026-04-15") @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return groupLoans.list(ledId, groupId, asOf, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{loanId}")
    @Operation(operationId = "getGroupLoan", summary = "One KUB group loan as of a day", description = "Each "
            + "share's outstanding principal, days past due and arrears (as `GET /loans/{loanId}` shows that "
            + "share), and the group's totals: outstanding, arrears, the worst share's days past due.")
    @APIResponse(responseCode = "200", description = "The group loan")
    public GroupLoanView get(@PathParam("ledId") UUID ledId, @PathParam("groupId") UUID groupId,
            @PathParam("loanId") UUID loanId,
            @Parameter(description = "The day the figures are as of; default today in the LED's calendar.",
                    example = "2026-04-15") @QueryParam("asOf") LocalDate asOf) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return groupLoans.get(ledId, groupId, loanId, asOf);
    }

    @POST
    @Path("/{loanId}/approval")
    @Operation(operationId = "approveGroupLoan", summary = "Approve a KUB group loan", description = "Led-manager "
            + "only; every share APPLIED → APPROVED at once. Maker–checker on the group's total principal: above "
            + "the LED's `approvalThreshold` the approver must be another person than the applicant — 403 "
            + "`approver-is-maker` otherwise.")
    @APIResponse(responseCode = "200", description = "The approved group loan")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public GroupLoanView approve(@PathParam("ledId") UUID ledId, @PathParam("groupId") UUID groupId,
            @PathParam("loanId") UUID loanId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "approve", value = """
                    {"note": "KUB Mawar aktif sejak 2024, tanggung renteng disepakati semua anggota"}""")))
            @NotNull @Valid DecisionRequest request) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return groupLoans.approve(ledId, groupId, loanId, request, caller.subject());
    }

    @POST
    @Path("/{loanId}/rejection")
    @Operation(operationId = "rejectGroupLoan", summary = "Reject a KUB group loan", description = "Led-manager "
            + "only; every share APPLIED → REJECTED at once, with the reason.")
    @APIResponse(responseCode = "200", description = "The rejected group loan")
    public GroupLoanView reject(@PathParam("ledId") UUID ledId, @PathParam("groupId") UUID groupId,
            @PathParam("loanId") UUID loanId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "reject", value = """
                    {"reason": "Dua anggota KUB Mawar masih menunggak pinjaman sebelumnya"}""")))
            @NotNull @Valid ReasonRequest request) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return groupLoans.reject(ledId, groupId, loanId, request, caller.subject());
    }

    @POST
    @Path("/{loanId}/disbursement")
    @Operation(operationId = "disburseGroupLoan", summary = "Disburse an approved KUB group loan", description =
            "Led-manager only; every share APPROVED → DISBURSED, each with its own schedule and disbursement as a "
            + "single loan's. One LOAN_DISBURSEMENT entry: Dr 1-1300 Piutang Pinjaman · Cr `paidFrom` for the "
            + "total principal, and Dr the collection account · Cr 4-1200 Pendapatan Administrasi for the shares' "
            + "admin fees together. More than the paying account holds: 409 `insufficient-funds`, nothing written.")
    @APIResponse(responseCode = "201", description = "The disbursement; `Location` points at the group loan",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupDisbursementView.class)))
    public Response disburse(@PathParam("ledId") UUID ledId, @PathParam("groupId") UUID groupId,
            @PathParam("loanId") UUID loanId,
            @Parameter(description = SAFE_RETRY) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "from the bank", value = """
                    {"disbursedOn": "2026-03-01", "paidFrom": "1-1200"}""")))
            @NotNull @Valid DisbursementRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.DECIDE_LOAN);
        return idempotency.execute(ledId, idempotencyKey, "POST groups/" + groupId + "/loans/" + loanId
                + "/disbursement", request, () -> Created.at(groupLoan(uri, ledId, groupId, loanId),
                        groupLoans.disburse(ledId, groupId, loanId, request, caller.subject())));
    }

    @POST
    @Path("/{loanId}/repayments")
    @Operation(operationId = "recordGroupRepayment", summary = "Record a KUB group's payment", description =
            "Led-clerk or led-manager. Without `for`, spread over the shares in proportion to their amounts due on "
            + "`paidOn` (to what they owe beyond that when nothing is due, and any excess the same way), rounded "
            + "to the LED's step with the remainder to the largest share; with `for`, all to that member's share "
            + "first. Each share's part is allocated as a single repayment of that loan. One REPAYMENT entry: Dr "
            + "`account` · Cr 4-1300 Denda · Cr 4-1100 Jasa · Cr 1-1300 Pokok for all the parts. More than the "
            + "shares owe together: 409 `repayment-exceeds-outstanding`.")
    @APIResponse(responseCode = "201", description = "The payment, its split and the group loan after it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupRepaymentView.class)))
    public Response repay(@PathParam("ledId") UUID ledId, @PathParam("groupId") UUID groupId,
            @PathParam("loanId") UUID loanId,
            @Parameter(description = SAFE_RETRY) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "angsuran KUB Mawar ke-1", value = """
                    {"amount": "690000", "paidOn": "2026-04-01", "account": "1-1100"}""")))
            @NotNull @Valid GroupRepaymentRequest request, UriInfo uri) {
        return IdempotencyService.respond(recordRepayment(ledId, groupId, loanId, idempotencyKey, request,
                uri.getBaseUri()));
    }

    /**
     * A validated group payment under its key, as {@code POST …/groups/{groupId}/loans/{loanId}/repayments}
     * decides it: the one path it takes, alone or as a field batch's GROUP_REPAYMENT operation.
     */
    public Created recordRepayment(UUID ledId, UUID groupId, UUID loanId, String idempotencyKey,
            GroupRepaymentRequest request, URI base) {
        access.require(ledId, LedPermission.RECORD_REPAYMENT);
        return idempotency.decide(ledId, idempotencyKey, "POST groups/" + groupId + "/loans/" + loanId
                + "/repayments", request, () -> {
                    GroupRepaymentView repayment = repayments.record(ledId, groupId, loanId, request,
                            caller.subject());
                    return Created.at(UriBuilder.fromUri(base).path("api/v1/leds").path(ledId.toString())
                            .path("groups").path(groupId.toString()).path("loans").path(loanId.toString())
                            .path("repayments").path(repayment.id().toString()).build(), repayment);
                });
    }

    @GET
    @Path("/{loanId}/repayments")
    @Operation(operationId = "listGroupRepayments", summary = "A KUB group loan's payments", description = "In the "
            + "order they were recorded, each with its split over the shares and, once reversed, `reversedBy`.")
    @APIResponse(responseCode = "200", description = "A page of group payments")
    public Page<GroupRepaymentView> listRepayments(@PathParam("ledId") UUID ledId,
            @PathParam("groupId") UUID groupId, @PathParam("loanId") UUID loanId,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return repayments.list(ledId, groupId, loanId, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{loanId}/repayments/{repaymentId}")
    @Operation(operationId = "getGroupRepayment", summary = "One payment of a KUB group loan", description = "Its "
            + "split over the shares and, once reversed, `reversedBy`.")
    @APIResponse(responseCode = "200", description = "The group payment")
    public GroupRepaymentView getRepayment(@PathParam("ledId") UUID ledId, @PathParam("groupId") UUID groupId,
            @PathParam("loanId") UUID loanId, @PathParam("repaymentId") UUID repaymentId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return repayments.get(ledId, groupId, loanId, repaymentId);
    }

    @POST
    @Path("/{loanId}/repayments/{repaymentId}/reversal")
    @Operation(operationId = "reverseGroupRepayment", summary = "Reverse a KUB group's payment (a bounced "
            + "transfer)", description = "Led-manager only. Only while it is the latest standing repayment of "
            + "every share it paid (409 `repayment-not-latest`), once (409 `repayment-already-reversed`). The "
            + "core reverses its one entry, dated today or `effectiveDate`, and every share returns to what it "
            + "was before it. A share's part cannot be reversed alone (409 `repayment-of-group`).")
    @APIResponse(responseCode = "201", description = "The reversal and the group loan after it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupRepaymentReversalView.class)))
    public Response reverseRepayment(@PathParam("ledId") UUID ledId, @PathParam("groupId") UUID groupId,
            @PathParam("loanId") UUID loanId, @PathParam("repaymentId") UUID repaymentId,
            @Parameter(description = SAFE_RETRY) @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "bounced", value = """
                    {"reason": "Transfer dari KUB Mawar ditolak bank (saldo tidak cukup)"}""")))
            @NotNull @Valid ReasonRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.REVERSE_REPAYMENT);
        return idempotency.execute(ledId, idempotencyKey, "POST groups/" + groupId + "/loans/" + loanId
                + "/repayments/" + repaymentId + "/reversal", request,
                () -> Created.at(groupLoan(uri, ledId, groupId, loanId),
                        repayments.reverse(ledId, groupId, loanId, repaymentId, request, caller.subject())));
    }

    private static URI groupLoan(UriInfo uri, UUID ledId, UUID groupId, UUID loanId) {
        return uri.getBaseUriBuilder().path("api/v1/leds").path(ledId.toString()).path("groups")
                .path(groupId.toString()).path("loans").path(loanId.toString()).build();
    }
}
