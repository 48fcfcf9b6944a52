package id.lumbung.statement.equity;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

/** The statement of changes in equity (laporan perubahan ekuitas). */
@Path("/api/v1/leds/{ledId}/statements/equity-changes")
@Authenticated
@Tag(name = "Statements")
@RetriesReads
public class EquityChangesResource {

    private final EquityChangesService equityChanges;
    private final StatementResponses responses;
    private final LedAccess access;
    private final LedCalendar calendar;

    public EquityChangesResource(EquityChangesService equityChanges, StatementResponses responses, LedAccess access,
            LedCalendar calendar) {
        this.equityChanges = equityChanges;
        this.responses = responses;
        this.access = access;
        this.calendar = calendar;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(operationId = "getEquityChanges", summary = "Statement of changes in equity (laporan perubahan "
            + "ekuitas) for a period",
            description = "Every role with the LED in scope except the trainer. For each equity account: its "
                    + "balance at the end of the day before `from`, its movements in `from`–`to` by the kind of "
                    + "the journal entry (opening balances, grants, community contributions, surplus closed by "
                    + "the year-end closing entry, surplus allocations, other; a reversal counts under the kind "
                    + "of the entry it reverses) and its balance at the end of `to`, credit positive. The surplus "
                    + "not yet closed (income less expenses still in their accounts) is a row of its own with the "
                    + "period's surplus, so `total.closing` equals the balance sheet's equity as of `to`. Read in "
                    + "one consistent snapshot: the figures are exactly those of the entries up to `chainHead`. "
                    + "Format by `Accept` or `format`; labels by `Accept-Language` (`id` default, `en`).")
    @APIResponse(responseCode = "200", description = "The statement of changes in equity", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EquityChanges.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = """
                    Laporan,equity-changes\r
                    Judul,Laporan Perubahan Ekuitas\r
                    Kode LED,1406012001\r
                    ...\r
                    \r
                    Kode,Uraian,2026-01-01 – 2026-06-30\r
                    3-1100,Modal Hibah Pemerintah Kabupaten,\r
                    3-1100,Saldo awal,0.00\r
                    3-1100,Penerimaan hibah,500000000.00\r
                    3-1100,Saldo akhir,500000000.00\r
                    """),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
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
        return responses.render(equityChanges.between(ledId, first, last, request.language()), request);
    }
}
