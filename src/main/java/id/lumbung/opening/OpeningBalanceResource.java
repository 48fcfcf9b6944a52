package id.lumbung.opening;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

/**
 * The opening balances of one LED, carried over from its paper books. JSON or CSV in; the same
 * checks and the same single OPENING_BALANCE entry either way.
 */
@Path("/api/v1/leds/{ledId}/opening-balances")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Opening balances")
@RetriesReads
public class OpeningBalanceResource {

    static final String TEXT_CSV = "text/csv";

    // The JSON and CSV methods are one operation in the contract, so they share its text.
    private static final String SUMMARY = "Post opening balances (JSON or CSV)";
    private static final String DESCRIPTION = "Led-manager only, once, while the LED has no journal entry yet (409 "
            + "`ledger-not-empty` afterwards). Posts one OPENING_BALANCE entry with a posting per line. Each line "
            + "names an account and exactly one of `debit` and `credit` greater than zero (the other empty or 0); "
            + "debits must equal credits (422 `entry-unbalanced` naming both totals; 3-1900 Ekuitas Saldo Awal "
            + "takes any difference); every account must exist (422 `unknown-account` naming each line).\n\n"
            + "`application/json`: `effectiveDate` and `lines`; errors name lines as `lines[2]`.\n\n"
            + "`text/csv` (a spreadsheet export): a header row `account,debit,credit`, then one row per account; "
            + "comma-separated, amounts as plain decimals with a dot; the date in `?asOf=`. Bad rows are answered "
            + "400 listing every bad line by its number in the file (the header is line 1), e.g. `line 4.debit`.";

    /** What an idempotent CSV request is fingerprinted by. */
    record CsvUpload(LocalDate asOf, String description, String csv) {
    }

    private final OpeningBalanceService openings;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public OpeningBalanceResource(OpeningBalanceService openings, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.openings = openings;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postOpeningBalances", summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The opening balances; `Location` points at them",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OpeningBalanceView.class)))
    public Response post(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "paper-books", value = """
                    {
                      "effectiveDate": "2025-12-31",
                      "description": "Saldo awal dari buku kas manual 2025",
                      "lines": [
                        {"account": "1-1100", "debit": "12500000.00"},
                        {"account": "1-1200", "debit": "175000000.00"},
                        {"account": "1-1300", "debit": "350000000.00"},
                        {"account": "3-1100", "credit": "500000000.00"},
                        {"account": "3-1200", "credit": "25000000.00"},
                        {"account": "3-1900", "credit": "12500000.00"}
                      ]
                    }""")))
            @NotNull @Valid OpeningBalanceRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.POST_OPENING_BALANCES);
        return idempotency.execute(ledId, idempotencyKey, "POST opening-balances", request, () -> {
            OpeningBalanceView opening = openings.post(ledId, request, caller.subject());
            return Created.at(uri.getAbsolutePath(), opening);
        });
    }

    @POST
    @Consumes(TEXT_CSV)
    @Operation(operationId = "postOpeningBalances", summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The opening balances; `Location` points at them",
            headers = {@Header(ref = "Location"), @Header(ref = "IdempotentReplayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OpeningBalanceView.class)))
    public Response postCsv(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and body replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @Parameter(description = "The day the balances stand at (required with CSV).", example = "2025-12-31")
            @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "For the entry. Default: Saldo awal per <asOf>.",
                    example = "Saldo awal dari buku kas manual 2025")
            @QueryParam("description") String description,
            @RequestBody(content = @Content(mediaType = TEXT_CSV,
                    schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "paper-books", value = """
                    account,debit,credit
                    1-1100,12500000.00,
                    1-1200,175000000.00,
                    1-1300,350000000.00,
                    3-1100,,500000000.00
                    3-1200,0,25000000.00
                    3-1900,,12500000.00
                    """)))
            String csv, UriInfo uri) {
        access.require(ledId, LedPermission.POST_OPENING_BALANCES);
        return idempotency.execute(ledId, idempotencyKey, "POST opening-balances (CSV)",
                new CsvUpload(asOf, description, csv), () -> {
                    OpeningBalanceView opening = openings.postCsv(ledId, asOf, description, csv, caller.subject());
                    return Created.at(uri.getAbsolutePath(), opening);
                });
    }

    @GET
    @Operation(operationId = "getOpeningBalances",
            summary = "The LED's opening balances", description = "404 until they are posted. The postings are "
            + "in the entry `entryId` names.")
    @APIResponse(responseCode = "200", description = "The opening balances")
    public OpeningBalanceView get(@PathParam("ledId") UUID ledId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return openings.get(ledId);
    }
}
