package id.lumbung.statement.notes;

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
import id.lumbung.statement.StatementResponses;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** The notes to the financial statements (catatan atas laporan keuangan), the parts that can be generated. */
@Path("/api/v1/leds/{ledId}/statements/notes")
@Authenticated
@Tag(name = "Statements")
@RetriesReads
public class NotesResource {

    private final NotesService notes;
    private final StatementResponses responses;
    private final LedAccess access;
    private final LedCalendar calendar;

    public NotesResource(NotesService notes, StatementResponses responses, LedAccess access, LedCalendar calendar) {
        this.notes = notes;
        this.responses = responses;
        this.access = access;
        this.calendar = calendar;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(operationId = "getStatementNotes", summary = "Notes to the financial statements (catatan atas "
            + "laporan keuangan) as of a day",
            description = "Every role with the LED in scope except the trainer. The parts of the notes that can be "
                    + "generated, as of `asOf`: the accounting policies in force (the compliance statement naming "
                    + "SAK EMKM and its exception, the basis of preparation, the rounding step and mode and the "
                    + "allocation order from the lending settings, the kolektibilitas table and provisioning rates "
                    + "in force on `asOf`, why a loan-loss allowance is kept), every period close through a day up "
                    + "to `asOf` with the chain head it was made at, the grants received by `asOf` and the loan "
                    + "portfolio by class as `GET /portfolio?asOf=` states it. Grants and period closes are read in "
                    + "the statement's snapshot (`chainHead`); the settings and the portfolio are read by their own "
                    + "services just before it, and `portfolio.chainHead` says which entries the portfolio "
                    + "reflects. Format by `Accept` or `format`; labels by `Accept-Language` (`id` default, `en`).")
    @APIResponse(responseCode = "200", description = "The notes", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatementNotes.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = """
                    Laporan,notes\r
                    Judul,Catatan atas Laporan Keuangan\r
                    Kode LED,1406012001\r
                    ...\r
                    \r
                    Pokok,Uraian,Jumlah,Penyisihan\r
                    ,A. Ikhtisar Kebijakan Akuntansi,,\r
                    Pembulatan,"Angsuran, jasa dan penyisihan dibulatkan ke kelipatan Rp 1 …",,\r
                    ...\r
                    2026-02-01,APBD Kabupaten Kampar 2026 (SK 412/2026),500000000.00,\r
                    """),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
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
        return responses.render(notes.asOf(ledId, day, request.language()), request);
    }
}
