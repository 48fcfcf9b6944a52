package id.lumbung.savings;

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
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** A member's savings (simpanan anggota): balance, passbook, deposits and withdrawals. */
@Path("/api/v1/leds/{ledId}/members/{memberId}/savings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Savings")
@RetriesReads
public class SavingsResource {

    private final SavingsService savings;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public SavingsResource(SavingsService savings, LedAccess access, IdempotencyService idempotency, Caller caller) {
        this.savings = savings;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getSavings",
            summary = "A member's savings", description = "The balance and the passbook (buku simpanan), newest "
            + "recorded movement first; pages with `limit` and `after`. For the book readers: led-manager, "
            + "led-clerk, auditor and district-officer. The members' balances add up to account 2-1100 "
            + "Simpanan Anggota.")
    @APIResponse(responseCode = "200", description = "Balance and a page of movements")
    public SavingsView get(@PathParam("ledId") UUID ledId, @PathParam("memberId") UUID memberId,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `movements.next` cursor of the previous page.")
            @QueryParam("after") String after) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return savings.get(ledId, memberId, Cursor.limit(limit), after);
    }

    @GET
    @Path("/movements/{movementId}")
    @Operation(operationId = "getSavingsMovement",
            summary = "One savings movement", description = "A deposit or withdrawal of the member's passbook.")
    @APIResponse(responseCode = "200", description = "The movement")
    public MovementView movement(@PathParam("ledId") UUID ledId, @PathParam("memberId") UUID memberId,
            @PathParam("movementId") UUID movementId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return savings.movement(ledId, memberId, movementId);
    }

    @POST
    @Path("/deposits")
    @Operation(operationId = "depositSavings",
            summary = "Record a savings deposit", description = "Led-manager and led-clerk. Posts one "
            + "SAVINGS_DEPOSIT entry, Dr 1-1100 Kas · Cr 2-1100 Simpanan Anggota, whose `reference` is the new "
            + "movement (type SAVINGS_MOVEMENT), and raises the member's balance in the same transaction. "
            + "A convenience for the same deposit that `POST /contributions` with type SAVINGS_DEPOSIT records.")
    @APIResponse(responseCode = "201", description = "The deposit; `Location` points at the movement",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovementView.class)))
    public Response deposit(@PathParam("ledId") UUID ledId, @PathParam("memberId") UUID memberId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "simpanan wajib", value = """
                    {
                      "amount": "50000.00",
                      "receivedOn": "2026-03-07",
                      "description": "Setoran simpanan wajib Maret, Siti Rahmawati"
                    }""")))
            @NotNull @Valid DepositRequest request, UriInfo uri) {
        return IdempotencyService.respond(deposit(ledId, memberId, idempotencyKey, request, uri.getBaseUri()));
    }

    /**
     * A validated deposit under its key, as {@code POST …/savings/deposits} decides it: the one path
     * a deposit takes, alone or as a field batch's SAVINGS_DEPOSIT operation (batch/BatchService).
     */
    public Created deposit(UUID ledId, UUID memberId, String idempotencyKey, DepositRequest request, URI base) {
        access.require(ledId, LedPermission.RECORD_SAVINGS);
        return idempotency.decide(ledId, idempotencyKey, "POST members/" + memberId + "/savings/deposits", request,
                () -> {
                    MovementView movement = savings.deposit(ledId, memberId, request.amount(), request.receivedOn(),
                            request.description(), caller.subject());
                    return Created.at(location(base, ledId, memberId, movement), movement);
                });
    }

    @POST
    @Path("/withdrawals")
    @Operation(operationId = "withdrawSavings",
            summary = "Record a savings withdrawal", description = "Led-manager and led-clerk. Posts one "
            + "WITHDRAWAL entry, Dr 2-1100 Simpanan Anggota · Cr 1-1100 Kas, and lowers the member's balance in "
            + "the same transaction. More than the member's balance: 409 `insufficient-savings`, also when "
            + "withdrawals race; more than the cash box holds: 409 `insufficient-funds`. Nothing is written then.")
    @APIResponse(responseCode = "201", description = "The withdrawal; `Location` points at the movement",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovementView.class)))
    public Response withdraw(@PathParam("ledId") UUID ledId, @PathParam("memberId") UUID memberId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "biaya sekolah", value = """
                    {
                      "amount": "150000.00",
                      "paidOn": "2026-03-21",
                      "description": "Penarikan simpanan Siti Rahmawati untuk biaya sekolah"
                    }""")))
            @NotNull @Valid WithdrawalRequest request, UriInfo uri) {
        return IdempotencyService.respond(withdraw(ledId, memberId, idempotencyKey, request, uri.getBaseUri()));
    }

    /**
     * A validated withdrawal under its key, as {@code POST …/savings/withdrawals} decides it: the one
     * path a withdrawal takes, alone or as a field batch's SAVINGS_WITHDRAWAL operation.
     */
    public Created withdraw(UUID ledId, UUID memberId, String idempotencyKey, WithdrawalRequest request, URI base) {
        access.require(ledId, LedPermission.RECORD_SAVINGS);
        return idempotency.decide(ledId, idempotencyKey, "POST members/" + memberId + "/savings/withdrawals",
                request, () -> {
                    MovementView movement = savings.withdraw(ledId, memberId, request.amount(), request.paidOn(),
                            request.description(), caller.subject());
                    return Created.at(location(base, ledId, memberId, movement), movement);
                });
    }

    private static URI location(URI base, UUID ledId, UUID memberId, MovementView movement) {
        return UriBuilder.fromUri(base).path("api/v1/leds").path(ledId.toString()).path("members")
                .path(memberId.toString()).path("savings/movements").path(movement.id().toString()).build();
    }
}
