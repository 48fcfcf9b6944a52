package id.lumbung.expense;

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

/** Operating expenses paid by one LED. */
@Path("/api/v1/leds/{ledId}/expenses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Expenses")
@RetriesReads
public class ExpenseResource {

    private final ExpenseService expenses;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public ExpenseResource(ExpenseService expenses, LedAccess access, IdempotencyService idempotency, Caller caller) {
        this.expenses = expenses;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "recordExpense",
            summary = "Record an expense", description = "Led-manager or led-clerk. Posts one EXPENSE entry: "
            + "Dr the expense account (must be an EXPENSE account, 5-xxxx) · Cr the cash or bank account paid from "
            + "(default 1-1100 Kas). Cash cannot go below zero: an expense it cannot cover is 409 "
            + "`insufficient-funds` and nothing is written.")
    @APIResponse(responseCode = "201", description = "The expense; `Location` points at it",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExpenseView.class)))
    public Response record(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "printing", value = """
                    {
                      "account": "5-1100",
                      "amount": "350000.00",
                      "paidOn": "2026-03-12",
                      "description": "Cetak buku kas dan kuitansi",
                      "payee": "Percetakan Sinar Kuok",
                      "paidFrom": "1-1100"
                    }""")))
            @NotNull @Valid ExpenseRequest request, UriInfo uri) {
        return IdempotencyService.respond(record(ledId, idempotencyKey, request, uri.getBaseUri()));
    }

    /**
     * A validated expense under its key, as {@code POST …/expenses} decides it: the one path an
     * expense takes, alone or as a field batch's EXPENSE operation.
     */
    public Created record(UUID ledId, String idempotencyKey, ExpenseRequest request, URI base) {
        access.require(ledId, LedPermission.RECORD_EXPENSE);
        return idempotency.decide(ledId, idempotencyKey, "POST expenses", request, () -> {
            ExpenseView expense = expenses.record(ledId, request, caller.subject());
            return Created.at(UriBuilder.fromUri(base).path("api/v1/leds").path(ledId.toString()).path("expenses")
                    .path(expense.id().toString()).build(), expense);
        });
    }

    @GET
    @Operation(operationId = "listExpenses",
            summary = "List expenses", description = "In the order they were recorded, optionally of one "
            + "expense account; pages with `limit` and `after`.")
    @APIResponse(responseCode = "200", description = "A page of expenses")
    public Page<ExpenseView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Only expenses charged to this account.", example = "5-1100")
            @QueryParam("account") String account,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return expenses.list(ledId, account, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{expenseId}")
    @Operation(operationId = "getExpense", summary = "One expense")
    @APIResponse(responseCode = "200", description = "The expense")
    public ExpenseView get(@PathParam("ledId") UUID ledId, @PathParam("expenseId") UUID expenseId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return expenses.get(ledId, expenseId);
    }
}
