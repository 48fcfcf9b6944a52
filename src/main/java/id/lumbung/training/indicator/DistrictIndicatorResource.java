package id.lumbung.training.indicator;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.security.Caller;
import id.lumbung.platform.security.Role;
import id.lumbung.tenancy.District;
import io.quarkus.security.Authenticated;

/** A district's training indicators: what the district asked of the training, over all its LEDs. */
@Path("/api/v1/districts/{districtId}/training-indicators")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Training")
@RetriesReads
public class DistrictIndicatorResource {

    /** Who reads a district's training: its officer and an auditor whose scope names the district. */
    private static final Set<String> READERS = Set.of(Role.DISTRICT_OFFICER, Role.AUDITOR);

    private final IndicatorService indicators;
    private final Caller caller;

    public DistrictIndicatorResource(IndicatorService indicators, Caller caller) {
        this.indicators = indicators;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getDistrictTrainingIndicators", summary = "A district's training indicators",
            description = "The district officer and an auditor with the district in scope; a district outside the "
            + "caller's scope (an LED role's token names only its LED) answers 404, another role 403. The "
            + "programme indicators over every programme of every LED of the district pooled, overall, by "
            + "segment and by gender, and each LED's beside them: counts and amounts summed, rates, averages and "
            + "medians recomputed from the pooled rows, never averaged across LEDs. Definitions in the README "
            + "(Training indicators).")
    @APIResponse(responseCode = "200", description = "The indicators")
    public DistrictTrainingIndicatorsView get(@PathParam("districtId") UUID districtId,
            @Parameter(description = "The day (end of it) the figures are for; default today in the LEDs' zone.",
                    example = "2026-12-01") @QueryParam("asOf") LocalDate asOf) {
        // The scope filter has answered 404 already for a district the token does not name (but the admin's).
        if (District.findById(districtId) == null) {
            throw ApiException.notFound("district " + districtId);
        }
        if (!caller.hasAnyRole(READERS)) {
            throw new ApiException(ProblemType.FORBIDDEN, "your role may not read the district's training");
        }
        return indicators.district(districtId, asOf);
    }
}
