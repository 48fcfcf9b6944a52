package id.lumbung.statement.balancesheet;

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

/** The balance sheet (laporan posisi keuangan). */
@Path("/api/v1/leds/{ledId}/statements/balance-sheet")
@Authenticated
@Tag(name = "Statements")
@RetriesReads
public class BalanceSheetResource {

    private final BalanceSheetService balanceSheet;
    private final StatementResponses responses;
    private final LedAccess access;
    private final LedCalendar calendar;

    public BalanceSheetResource(BalanceSheetService balanceSheet, StatementResponses responses, LedAccess access,
            LedCalendar calendar) {
        this.balanceSheet = balanceSheet;
        this.responses = responses;
        this.access = access;
        this.calendar = calendar;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(operationId = "getBalanceSheet", summary = "Balance sheet (laporan posisi keuangan) as of a day",
            description = "Every role with the LED in scope except the trainer. Assets (current, non-current), "
                    + "liabilities (current, non-current) and equity as of `asOf`, beside the previous year-end. "
                    + "Accounts are grouped by the chart's parents (a line's amount includes the accounts under "
                    + "it) and by the documented default mapping: assets current, liabilities current, "
                    + "equity; a sub-account goes with its parent. Contra accounts (the loan-loss allowance) are "
                    + "negative within their section, so loans receivable are shown net of the allowance; "
                    + "`loans` states receivable, allowance and net. Equity includes the surplus not yet closed "
                    + "into retained surplus, so `assets.total` always equals `liabilitiesAndEquity`. Every entry "
                    + "dated up to `asOf` is included, a year-end closing entry too. Read in one consistent "
                    + "snapshot: the figures are exactly those of the entries up to `chainHead`. Format by "
                    + "`Accept` or `format`; labels by `Accept-Language` (`id` default, `en`).")
    @APIResponse(responseCode = "200", description = "The balance sheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BalanceSheet.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.STRING), example = """
                    Laporan,balance-sheet\r
                    Judul,Laporan Posisi Keuangan\r
                    Kode LED,1406012001\r
                    ...\r
                    \r
                    Kode,Uraian,2026-06-30,2025-12-31\r
                    ,Aset,,\r
                    ,Aset Lancar,,\r
                    1-1100,Kas,1250000.00,800000.00\r
                    """),
            @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response get(@PathParam("ledId") UUID ledId,
            @Parameter(description = "The day; default today in the LED's calendar.", example = "2026-06-30")
            @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "json, csv or pdf; overrides `Accept`.", example = "pdf")
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        access.require(ledId, LedPermission.READ_STATEMENTS);
        StatementResponses.Request request = responses.negotiate(format, headers);
        LocalDate day = asOf != null ? asOf : calendar.today(ledId);
        return responses.render(balanceSheet.asOf(ledId, day, request.language().messages()), request);
    }
}
