package id.lumbung.ledger.account;

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

import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** The chart of accounts of one LED. */
@Path("/api/v1/leds/{ledId}/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Accounts")
@RetriesReads
public class AccountResource {

    private final AccountService accounts;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public AccountResource(AccountService accounts, LedAccess access, IdempotencyService idempotency, Caller caller) {
        this.accounts = accounts;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listAccounts",
            summary = "List the chart of accounts", description = "Ordered by code; pages with `limit` and `after`.")
    @APIResponse(responseCode = "200", description = "A page of accounts")
    public Page<AccountView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return accounts.list(ledId, Cursor.limit(limit), after);
    }

    @POST
    @Operation(operationId = "createAccount",
            summary = "Add an account to the chart", description = "Led-manager only. Codes are unique per LED and "
            + "start with the type's digit.")
    @APIResponse(responseCode = "201", description = "The new account",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccountView.class)))
    public Response create(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "expense", value = """
                    {
                      "code": "5-1400",
                      "name": "Beban Transportasi Lapangan",
                      "type": "EXPENSE",
                      "noNegative": false,
                      "parentCode": "5-1100"
                    }""")))
            @NotNull @Valid AccountRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.MANAGE_ACCOUNTS);
        return idempotency.execute(ledId, idempotencyKey, "POST accounts", request, () -> {
            AccountView account = accounts.create(ledId, request, caller.subject());
            return Created.at(uri.getAbsolutePathBuilder().path(account.code()).build(), account);
        });
    }

    @GET
    @Path("/{accountCode}")
    @Operation(operationId = "getAccount",
            summary = "One account with its balance", description = "With `asOf`, the totals as of the end of that "
            + "day, computed from daily movements (never by summing postings).")
    @APIResponse(responseCode = "200", description = "The account")
    public AccountView get(@PathParam("ledId") UUID ledId, @PathParam("accountCode") String code,
            @Parameter(description = "A date YYYY-MM-DD: totals as of the end of that day.", example = "2026-03-31")
            @QueryParam("asOf") LocalDate asOf) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return accounts.get(ledId, code, asOf);
    }
}
