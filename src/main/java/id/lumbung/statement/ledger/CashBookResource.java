package id.lumbung.statement.ledger;

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
import id.lumbung.statement.StatementFormat;
import id.lumbung.statement.StatementResponses;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** The cash book (buku kas). */
@Path("/api/v1/leds/{ledId}/statements/cash-book")
@Authenticated
@Tag(name = "Statements")
@RetriesReads
public class CashBookResource {

    private final LedgerService ledgers;
    private final StatementResponses responses;
    private final LedAccess access;
    private final LedCalendar calendar;

    public CashBookResource(LedgerService ledgers, StatementResponses responses, LedAccess access,
            LedCalendar calendar) {
        this.ledgers = ledgers;
        this.responses = responses;
        this.access = access;
        this.calendar = calendar;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(operationId = "getCashBook", summary = "The cash book (buku kas) over a period",
            description = "Every role with the LED in scope except the trainer. One book of every posting to the "
                    + "LED's cash and bank accounts (found by purpose, with every account below them in the "
                    + "chart), in effective-date order, then entry number; each line names its cash or bank "
                    + "account and its counter-accounts, and carries the running balance of cash and bank "
                    + "together. A transfer between the LED's own cash and bank shows as two lines that net to "
                    + "zero. `opening` is cash and bank before the page's first line (as of the day before "
                    + "`from` on the first page), `closing` cash and bank as of `to`, on every page. JSON pages "
                    + "with `limit` and `after` like every list; CSV and PDF print the whole range and ignore "
                    + "`limit` and `after`. Read in one consistent snapshot up to `chainHead`. Format by "
                    + "`Accept` or `format`; labels by `Accept-Language` (`id` default, `en`).")
    @APIResponse(responseCode = "200", description = "The cash book", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CashBook.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = """
                    Laporan,cash-book\r
                    Judul,Buku Kas\r
                    Kode LED,1406012001\r
                    ...\r
                    \r
                    Tanggal,No. Entri,Akun Kas/Bank,Keterangan,Akun Lawan,Debit,Kredit,Saldo\r
                    2026-01-01,,,Saldo Awal,,,,97150000.00\r
                    2026-02-02,1190,1-1200,Tarik tunai dari bank,1-1100 Kas,0.00,5000000.00,92150000.00\r
                    2026-02-02,1190,1-1100,Tarik tunai dari bank,1-1200 Bank,5000000.00,0.00,97150000.00\r
                    2026-06-30,,,Saldo Akhir,,5000000.00,5000000.00,97150000.00\r
                    """),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response get(@PathParam("ledId") UUID ledId,
            @Parameter(description = "First effective date, inclusive; default January 1 of `to`'s year.",
                    example = "2026-01-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last effective date, inclusive; default today in the LED's calendar.",
                    example = "2026-06-30") @QueryParam("to") LocalDate to,
            @Parameter(description = "Lines per JSON page, 1 to 500 (default 100).", example = "100")
            @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page (JSON only).")
            @QueryParam("after") String after,
            @Parameter(description = "json, csv or pdf; overrides `Accept`.", example = "csv")
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        access.require(ledId, LedPermission.READ_STATEMENTS);
        StatementResponses.Request request = responses.negotiate(format, headers);
        BookRange range = BookRange.of(from, to, to == null ? calendar.today(ledId) : to, limit, after,
                request.format() != StatementFormat.JSON);
        return responses.render(ledgers.cashBook(ledId, range, request.language()), request);
    }
}
