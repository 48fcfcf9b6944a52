package id.lumbung.statement.trialbalance;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.lumbung.ledger.LedCalendar;
import id.lumbung.platform.database.RetriesReads;
import id.lumbung.statement.StatementResponses;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** The trial balance (neraca saldo). */
@Path("/api/v1/leds/{ledId}/statements/trial-balance")
@Authenticated
@Tag(name = "Statements")
@RetriesReads
public class TrialBalanceResource {

    private final TrialBalanceService trialBalance;
    private final StatementResponses responses;
    private final LedAccess access;
    private final LedCalendar calendar;

    public TrialBalanceResource(TrialBalanceService trialBalance, StatementResponses responses, LedAccess access,
            LedCalendar calendar) {
        this.trialBalance = trialBalance;
        this.responses = responses;
        this.access = access;
        this.calendar = calendar;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(operationId = "getTrialBalance", summary = "Trial balance (neraca saldo) as of a day",
            description = "Every role with the LED in scope except the trainer. One line per account of the "
                    + "chart, its net balance in the debit or the credit column by its sign; the totals are "
                    + "always equal. Before the year-end closing entry dated `asOf` unless `postClosing=true`. "
                    + "Read in one consistent snapshot: the figures are exactly those of the entries up to "
                    + "`chainHead`. Format by `Accept` or `format`; labels by `Accept-Language` (`id` default, "
                    + "`en`).")
    @APIResponse(responseCode = "200", description = "The trial balance", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialBalance.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.STRING), example = """
                    Laporan,trial-balance\r
                    Judul,Neraca Saldo\r
                    Kode LED,1406012001\r
                    ...\r
                    \r
                    Akun,Nama Akun,Jenis,Debit,Kredit\r
                    1-1100,Kas,Aset,1250000.00,0.00\r
                    """),
            @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response get(@PathParam("ledId") UUID ledId,
            @Parameter(description = "The day; default today in the LED's calendar.", example = "2026-06-30")
            @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "Include the year-end closing entry dated `asOf`.", example = "false")
            @QueryParam("postClosing") Boolean postClosing,
            @Parameter(description = "json, csv or pdf; overrides `Accept`.", example = "csv")
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        access.require(ledId, LedPermission.READ_STATEMENTS);
        StatementResponses.Request request = responses.negotiate(format, headers);
        LocalDate day = asOf != null ? asOf : calendar.today(ledId);
        TrialBalance statement = trialBalance.asOf(ledId, day, Boolean.TRUE.equals(postClosing),
                request.language().messages());
        return responses.render(statement, request);
    }
}
