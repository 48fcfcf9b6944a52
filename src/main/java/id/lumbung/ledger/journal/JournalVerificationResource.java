package id.lumbung.ledger.journal;

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

/** Re-verification of an LED's hash chain, for auditors. */
@Path("/api/v1/leds/{ledId}/journal/verification")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Journal")
@RetriesReads
public class JournalVerificationResource {

    private final ChainVerifier verifier;
    private final LedAccess access;

    public JournalVerificationResource(ChainVerifier verifier, LedAccess access) {
        this.verifier = verifier;
        this.access = access;
    }

    @GET
    @Operation(operationId = "verifyJournal",
            summary = "Re-verify the journal's hash chain", description = "Recomputes every entry's hash from "
            + "its stored content and checks every link and number; reports the first entry that does not match.")
    @APIResponse(responseCode = "200", description = "The verification result (valid or not)")
    public VerificationView verify(@PathParam("ledId") UUID ledId) {
        access.require(ledId, LedPermission.READ_BOOKS);
        return verifier.verify(ledId);
    }
}
