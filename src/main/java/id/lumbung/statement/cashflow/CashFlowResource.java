package id.lumbung.statement.cashflow;

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

/** The cash-flow statement (laporan arus kas), direct method. */
@Path("/api/v1/leds/{ledId}/statements/cash-flow")
@Authenticated
@Tag(name = "Statements")
@RetriesReads
public class CashFlowResource {

    private final CashFlowService cashFlow;
    private final StatementResponses responses;
    private final LedAccess access;
    private final LedCalendar calendar;

    public CashFlowResource(CashFlowService cashFlow, StatementResponses responses,
            LedAccess access, LedCalendar calendar) {
        this.cashFlow = cashFlow;
        this.responses = responses;
        this.access = access;
        this.calendar = calendar;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(operationId = "getCashFlow", summary = "Cash-flow statement (laporan arus kas), direct method",
            description = "Every role with the LED in scope except the trainer. For `from`–`to`, beside the same "
                    + "days a year earlier. Each entry that moved cash or bank (Kas, Bank and every account under "
                    + "them) is read on its other side: each non-cash account's credits are cash received and its "
                    + "debits cash paid (negative), in the activity the account belongs to. Loans receivable "
                    + "(disbursements and principal collected) are OPERATING by default or INVESTING by the "
                    + "statement settings' `lendingCashFlow`; interest, fees, penalties, expenses, member savings "
                    + "and other current items are operating; non-current assets investing; equity (district "
                    + "grants, community capital) and non-current liabilities financing. Transfers between the "
                    + "LED's own cash and bank accounts are not flows. A reversal counts against the direction it "
                    + "undoes. The opening balances carried over from paper books are opening cash, not a flow. "
                    + "`opening` + `netChange` = `closing`, always. Read in one consistent snapshot: the figures "
                    + "are exactly those of the entries up to `chainHead`. Format by `Accept` or `format`; labels "
                    + "by `Accept-Language` (`id` default, `en`).")
    @APIResponse(responseCode = "200", description = "The cash-flow statement", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CashFlow.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.STRING), example = """
                    Laporan,cash-flow\r
                    Judul,Laporan Arus Kas\r
                    Kode LED,1406012001\r
                    ...\r
                    \r
                    Kode,Uraian,2026-01-01 – 2026-06-30,2025-01-01 – 2025-06-30\r
                    "",Saldo Awal Kas dan Bank,98000000.00,90000000.00\r
                    "",Arus Kas dari Aktivitas Operasi,,\r
                    "",Penerimaan kas,,\r
                    1-1300,Piutang Pinjaman Anggota,12500000.00,9800000.00\r
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
        return responses.render(cashFlow.between(ledId, first, last, request.language().messages()),
                request);
    }
}
