package id.lumbung.ledger.verification;

import java.util.Set;
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
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.security.Caller;
import id.lumbung.platform.security.Role;
import id.lumbung.tenancy.District;
import io.quarkus.security.Authenticated;

/** The health of a district's books: each LED's latest stored chain verification. */
@Path("/api/v1/districts/{districtId}/journal-verifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Journal")
@RetriesReads
public class DistrictVerificationResource {

    /**
     * The district's officer and an auditor with the district in scope, and the platform admin, who
     * answers the broken-chain alert: the view names LEDs and entry numbers, never an amount or a member.
     */
    private static final Set<String> READERS = Set.of(Role.ADMIN, Role.DISTRICT_OFFICER, Role.AUDITOR);

    private final VerificationRecords records;
    private final Caller caller;

    public DistrictVerificationResource(VerificationRecords records, Caller caller) {
        this.records = records;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getDistrictJournalVerifications",
            summary = "The latest scheduled chain verification of each LED of a district",
            description = "The admin, the district officer and an auditor with the district in scope; a district "
            + "outside the caller's scope (an LED role's token names only its LED) answers 404, another role 403. "
            + "Every LED of the district with what the scheduled run (nightly by default) last stored for its "
            + "journal's hash chain, and how many are broken or not verified yet. Reads the stored results only: "
            + "no journal is verified on this request.")
    @APIResponse(responseCode = "200", description = "The district's LEDs and their stored results")
    public DistrictVerificationView get(@PathParam("districtId") UUID districtId) {
        // The scope filter has answered 404 already for a district the token does not name (but the admin's).
        if (District.findById(districtId) == null) {
            throw ApiException.notFound("district " + districtId);
        }
        if (!caller.hasAnyRole(READERS)) {
            throw new ApiException(ProblemType.FORBIDDEN, "your role may not read the district's chain verifications");
        }
        return records.district(districtId);
    }
}
