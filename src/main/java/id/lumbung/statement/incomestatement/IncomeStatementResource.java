package id.lumbung.statement.incomestatement;

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
import id.lumbung.platform.error.ApiException;
import id.lumbung.statement.StatementResponses;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** The income statement (laporan laba rugi). */
@Path("/api/v1/leds/{ledId}/statements/income-statement")
@Authenticated
@Tag(name = "Statements")
@RetriesReads
public class IncomeStatementResource {

    private final IncomeStatementService incomeStatement;
    private final StatementResponses responses;
    private final LedAccess access;
    private final LedCalendar calendar;

    public IncomeStatementResource(IncomeStatementService incomeStatement, StatementResponses responses,
            LedAccess access, LedCalendar calendar) {
        this.incomeStatement = incomeStatement;
        this.responses = responses;
        this.access = access;
        this.calendar = calendar;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(operationId = "getIncomeStatement", summary = "Income statement (laporan laba rugi) for a period",
            description = "Every role with the LED in scope except the trainer. Income (operating: interest, "
                    + "fees, penalties; other: recoveries of written-off loans, other income) and expenses "
                    + "(operating: operations, loan losses, training, capital assistance; other) for `from`–`to`, "
                    + "beside the same days a year earlier, and the surplus or deficit. Accounts are grouped by "
                    + "the chart's parents and the documented default mapping; a sub-account goes with its "
                    + "parent. A closed year still shows its income and expenses: the year-end closing entry is "
                    + "left out. Interest and penalties are income when received (see `basis`). Read in one "
                    + "consistent snapshot: the figures are exactly those of the entries up to `chainHead`. "
                    + "Format by `Accept` or `format`; labels by `Accept-Language` (`id` default, `en`).")
    @APIResponse(responseCode = "200", description = "The income statement", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IncomeStatement.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.STRING), example = """
                    Laporan,income-statement\r
                    Judul,Laporan Laba Rugi\r
                    Kode LED,1406012001\r
                    ...\r
                    \r
                    Kode,Uraian,2026-01-01 – 2026-06-30,2025-01-01 – 2025-06-30\r
                    ,Pendapatan,,\r
                    ,Pendapatan Usaha,,\r
                    4-1100,Pendapatan Jasa Pinjaman,3150000.00,2400000.00\r
                    """),
            @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response get(@PathParam("ledId") UUID ledId,
            @Parameter(description = "First day; default 1 January of `to`'s year.", example = "2026-01-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day; default today in the LED's calendar.", example = "2026-06-30")
            @QueryParam("to") LocalDate to,
            @Parameter(description = "json, csv or pdf; overrides `Accept`.", example = "csv")
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        access.require(ledId, LedPermission.READ_STATEMENTS);
        StatementResponses.Request request = responses.negotiate(format, headers);
        LocalDate last = to != null ? to : calendar.today(ledId);
        LocalDate first = from != null ? from : last.withDayOfYear(1);
        if (first.isAfter(last)) {
            throw ApiException.invalidParameter("from", "must not be after to (" + last + ")");
        }
        return responses.render(incomeStatement.between(ledId, first, last, request.language().messages()),
                request);
    }
}
