package id.lumbung.ledger.yearend;

import java.net.URI;
import java.util.List;
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

import id.lumbung.ledger.journal.DecisionNote;
import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** Year-end close and surplus allocation, decided by two managers. */
@Path("/api/v1/leds/{ledId}/year-end")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Periods")
@RetriesReads
public class YearEndResource {

    private final YearEndService yearEnd;
    private final IdempotencyService idempotency;
    private final LedAccess access;
    private final Caller caller;

    public YearEndResource(YearEndService yearEnd, IdempotencyService idempotency, LedAccess access, Caller caller) {
        this.yearEnd = yearEnd;
        this.idempotency = idempotency;
        this.access = access;
        this.caller = caller;
    }

    /** The LED's year-end closes, newest year first. */
    @Schema(name = "YearEnds")
    public record YearEnds(List<YearEndView> items) {
    }

    @GET
    @Operation(operationId = "listYearEnds", summary = "The LED's year-end closes",
            description = "Every role that reads the books; newest year first, requests of every status.")
    public YearEnds list(@PathParam("ledId") UUID ledId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return new YearEnds(yearEnd.list(ledId));
    }

    @GET
    @Path("/{yearEndId}")
    @Operation(operationId = "getYearEnd", summary = "One year-end close")
    public YearEndView get(@PathParam("ledId") UUID ledId, @PathParam("yearEndId") UUID yearEndId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return yearEnd.get(ledId, yearEndId);
    }

    @POST
    @Operation(operationId = "createYearEnd", summary = "Request the close of a year with its surplus allocation",
            description = "Led-manager. Held (202) until a second manager approves it; nothing is posted yet. The "
                    + "year must have ended in the LED's calendar (422 `year-not-ended`); `decidedOn`, the day of "
                    + "the village assembly's decision (MAD / Musdes), is after the year and not in the future. The "
                    + "percentages sum to 100, each target once (422 `allocation-invalid`); an empty allocation "
                    + "keeps the whole surplus retained. Targets post to the LED's system accounts by purpose: "
                    + "CAPITAL to Penambahan Modal dari Surplus (3-1400 by default), SOCIAL_FUND to Dana Sosial "
                    + "(2-1300), INSTITUTION to Dana Kelembagaan (2-1400). A closed year: 409 "
                    + "`year-already-closed`.")
    @APIResponse(responseCode = "202", description = "The request, waiting for a second manager",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = YearEndView.class)))
    public Response request(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "MAD Kuok 2026", value = """
                    {
                      "year": 2026,
                      "allocation": [
                        {"to": "CAPITAL", "percent": "50"},
                        {"to": "SOCIAL_FUND", "percent": "15"},
                        {"to": "INSTITUTION", "percent": "35"}
                      ],
                      "decidedOn": "2027-02-15",
                      "decisionReference": "Berita Acara MAD 12/2026"
                    }""")))
            @NotNull @Valid YearEndRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.CLOSE_PERIOD);
        return idempotency.execute(ledId, idempotencyKey, "POST year-end", request, () -> {
            YearEndView held = yearEnd.request(ledId, request, caller.subject());
            return new Created(202, location(uri, ledId, held.id()), held, false);
        });
    }

    @POST
    @Path("/{yearEndId}/approval")
    @Operation(operationId = "approveYearEnd", summary = "Approve a year-end close",
            description = "Led-manager other than its maker (403 `approver-is-maker`). In one transaction under "
                    + "the journal's lock: computes the year's surplus (income less expenses up to December 31, now, "
                    + "not when requested); posts one CLOSING entry dated December 31 that empties every income and "
                    + "expense account into retained surplus (the only entry that may enter a closed year, and only "
                    + "here); posts the allocation dated `decidedOn` as one SURPLUS_ALLOCATION entry from retained "
                    + "surplus to the targets (each share surplus × percent rounded by the LED's rounding step, the "
                    + "remainder to the last target); and closes the books through December 31. Refused, with "
                    + "nothing changed: 409 `year-end-needs-provision` when the year's loans moved after its last "
                    + "provision run (run POST /provisions first), 409 `year-already-closed`, 409 `period-closed` "
                    + "when `decidedOn` is in a closed period, 422 `allocation-invalid` for an allocation of a "
                    + "deficit year (reject it and request the close without one).")
    @APIResponse(responseCode = "200", description = "The close, approved, with its surplus, shares and entries",
            headers = @Header(ref = "IdempotentReplayed"))
    public Response approve(@PathParam("ledId") UUID ledId, @PathParam("yearEndId") UUID yearEndId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "approve", value = """
                    {"note": "Sesuai Berita Acara MAD 12/2026"}""")))
            @Valid DecisionNote decision, UriInfo uri) {
        access.require(ledId, LedPermission.CLOSE_PERIOD);
        DecisionNote note = decision == null ? new DecisionNote(null) : decision;
        return idempotency.execute(ledId, idempotencyKey, "POST year-end/" + yearEndId + "/approval", note,
                () -> new Created(200, location(uri, ledId, yearEndId), yearEnd.approve(ledId, yearEndId, note.note(),
                        caller.subject()), false));
    }

    @POST
    @Path("/{yearEndId}/rejection")
    @Operation(operationId = "rejectYearEnd", summary = "Reject a year-end close",
            description = "Led-manager (the maker may withdraw their own), with the reason in `note`. Nothing is "
                    + "posted; a new request may follow.")
    @APIResponse(responseCode = "200", description = "The rejected request")
    public YearEndView reject(@PathParam("ledId") UUID ledId, @PathParam("yearEndId") UUID yearEndId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "reject", value = """
                    {"note": "Berita acara belum ditandatangani"}""")))
            @Valid DecisionNote decision) {
        access.require(ledId, LedPermission.CLOSE_PERIOD);
        return yearEnd.reject(ledId, yearEndId, decision == null ? null : decision.note(), caller.subject());
    }

    private static URI location(UriInfo uri, UUID ledId, UUID yearEndId) {
        return uri.getBaseUriBuilder().path("api/v1/leds").path(ledId.toString()).path("year-end")
                .path(yearEndId.toString()).build();
    }
}
