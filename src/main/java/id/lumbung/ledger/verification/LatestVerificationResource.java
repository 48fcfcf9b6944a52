package id.lumbung.ledger.verification;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.lumbung.platform.database.RetriesReads;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** An LED's latest stored chain verification, for the readers of its books. */
@Path("/api/v1/leds/{ledId}/journal/verification/latest")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Journal")
@RetriesReads
public class LatestVerificationResource {

    private final VerificationRecords records;
    private final LedAccess access;

    public LatestVerificationResource(VerificationRecords records, LedAccess access) {
        this.records = records;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getLatestJournalVerification",
            summary = "The latest scheduled verification of the journal's hash chain",
            description = "What the scheduled run (nightly by default) stored for this LED; nothing is verified "
            + "on this request, so it answers at once however long the journal. `verifyJournal` verifies now.")
    @APIResponse(responseCode = "200", description = "The stored result, or the LED alone before its first run")
    public StoredVerificationView get(@PathParam("ledId") UUID ledId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return records.latest(ledId);
    }
}
