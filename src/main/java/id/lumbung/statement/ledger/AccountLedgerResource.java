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

/** An account's ledger (buku besar). */
@Path("/api/v1/leds/{ledId}/accounts/{accountCode}/ledger")
@Authenticated
@Tag(name = "Statements")
@RetriesReads
public class AccountLedgerResource {

    private final LedgerService ledgers;
    private final StatementResponses responses;
    private final LedAccess access;
    private final LedCalendar calendar;

    public AccountLedgerResource(LedgerService ledgers, StatementResponses responses, LedAccess access,
            LedCalendar calendar) {
        this.ledgers = ledgers;
        this.responses = responses;
        this.access = access;
        this.calendar = calendar;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(operationId = "getAccountLedger", summary = "An account's ledger (buku besar) over a period",
            description = "Every role with the LED in scope except the trainer. The opening balance, each posting "
                    + "to the account in effective-date order, then entry number, with its entry, date, "
                    + "description, kind, counter-accounts and the running balance, and the closing balance, all "
                    + "on the account's normal side. A reversal and the entry it reverses both appear. JSON pages "
                    + "with `limit` and `after` like every list: `opening` is the balance before the page's first "
                    + "line and `closing` the balance as of `to` on every page. CSV and PDF print the whole "
                    + "range (the book an auditor downloads) and ignore `limit` and `after`. Read in one "
                    + "consistent snapshot: the figures are exactly those of the entries up to `chainHead`. "
                    + "Format by `Accept` or `format`; labels by `Accept-Language` (`id` default, `en`).")
    @APIResponse(responseCode = "200", description = "The account ledger", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountLedger.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = """
                    Laporan,account-ledger\r
                    Judul,Buku Besar 1-1100 Kas\r
                    Kode LED,1406012001\r
                    ...\r
                    \r
                    Tanggal,No. Entri,Keterangan,Akun Lawan,Debit,Kredit,Saldo\r
                    2026-01-01,,Saldo Awal,,,,12500000.00\r
                    2026-03-14,1284,Angsuran pinjaman Siti,1-1300 Piutang Pinjaman Anggota,775000.00,0.00,13275000.00\r
                    2026-06-30,,Saldo Akhir,,775000.00,0.00,13275000.00\r
                    """),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response get(@PathParam("ledId") UUID ledId,
            @Parameter(description = "The account's code.", example = "1-1100") @PathParam("accountCode") String code,
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
        return responses.render(ledgers.accountLedger(ledId, code, range, request.language()), request);
    }
}
