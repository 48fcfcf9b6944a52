package id.lumbung.member;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
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

/** Registers many members at once from a spreadsheet export (CSV). */
@Path("/api/v1/leds/{ledId}/members:import")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Members")
@RetriesReads
public class MemberImportResource {

    public static final String TEXT_CSV = "text/csv";

    private final MemberImportService imports;
    private final LedAccess access;
    private final IdempotencyService idempotency;
    private final Caller caller;

    public MemberImportResource(MemberImportService imports, LedAccess access, IdempotencyService idempotency,
            Caller caller) {
        this.imports = imports;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(TEXT_CSV)
    @Operation(operationId = "importMembers", summary = "Import members from CSV", description = """
            Led-manager and led-clerk. A UTF-8 CSV file (RFC 4180; a leading byte-order mark is ignored) \
            whose first line is exactly the header `name,nik,gender,birthDate,hamlet,phone,groupName`, then \
            one member per line. `gender` is `F` or `M`, `birthDate` is `YYYY-MM-DD`; `hamlet`, `phone` and \
            `groupName` may be empty. `groupName` must name a KUB group that already exists in this LED (the \
            import never creates groups). Each row is checked exactly like `POST members`.

            All or nothing: if any row is bad, nothing is written and the 400 `validation-failed` problem \
            lists every problem in `fields`, named `line N.field`, where N is the line as a text editor or \
            spreadsheet shows it (the header is line 1; blank lines count), e.g. \
            `{"field": "line 7.nik", "message": "digits 13-16 (serial) must not be 0000"}`. A NIK repeated \
            in the file or already registered in the LED is such a problem too, reported once the row is \
            otherwise valid. At most 1000 problems are listed. A wrong header is a 400 naming the expected \
            header. The body may be up to 2 MB (about 25,000 rows).""")
    @APIResponse(responseCode = "201", description = "Every row was registered",
            headers = @Header(ref = "IdempotentReplayed"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportView.class)))
    public Response importCsv(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Makes a retry safe: same key and file replay the original response.")
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = TEXT_CSV, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "members", value = """
                    name,nik,gender,birthDate,hamlet,phone,groupName
                    Siti Rahmawati,1406014507900003,F,1990-07-05,Dusun II Kuok,081276543210,KUB Mawar
                    Ahmad Fauzi,1406011203850002,M,1985-03-12,Dusun I Kuok,,KUB Mawar
                    Nurhayati,1406016208770001,F,1977-08-22,,,
                    """)))
            @NotNull String csv) {
        access.require(ledId, LedPermission.MANAGE_MEMBERS);
        return idempotency.execute(ledId, idempotencyKey, "POST members:import", csv,
                () -> new Created(201, null, imports.importCsv(ledId, csv, caller.subject()), false));
    }
}
