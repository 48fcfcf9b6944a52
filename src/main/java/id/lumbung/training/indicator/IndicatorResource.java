package id.lumbung.training.indicator;

import java.time.LocalDate;
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
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** A programme's monitoring indicators and quarterly report: what the district asks of the training. */
@Path("/api/v1/leds/{ledId}/programmes/{programmeId}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Training")
@RetriesReads
public class IndicatorResource {

    private final IndicatorService indicators;
    private final LedAccess access;

    public IndicatorResource(IndicatorService indicators, LedAccess access) {
        this.indicators = indicators;
        this.access = access;
    }

    @GET
    @Path("/indicators")
    @Operation(operationId = "getProgrammeIndicators", summary = "A programme's monitoring indicators",
            description = "Every role that reads training data. Overall, by segment and by gender: enrolled, "
            + "average attendance rate, completed, completion rate, withdrawn; average score and passing share "
            + "(score 60 or more) per module; average feedback rating; trainees who received capital; repayment "
            + "of trained borrowers (loans disbursed on or after enrolment; earlier ones shown apart) against the "
            + "LED's borrowers who were never trainees; businesses started; employed at baseline and now; median "
            + "monthly income at baseline and now and the median change; KUB groups formed or joined. Definitions "
            + "in the README (Training indicators).")
    @APIResponse(responseCode = "200", description = "The indicators")
    public IndicatorsView get(@PathParam("ledId") UUID ledId, @PathParam("programmeId") UUID programmeId,
            @Parameter(description = "The day (end of it) the figures are for; default today in the LED's zone.",
                    example = "2026-12-01") @QueryParam("asOf") LocalDate asOf) {
        access.require(ledId, LedPermission.READ_TRAINING);
        return indicators.indicators(ledId, programmeId, asOf);
    }

    @GET
    @Path("/reports/quarterly")
    @Operation(operationId = "getProgrammeQuarterlyReport", summary = "A programme's quarterly report",
            description = "Every role that reads training data. The indicators of the quarter's activity (sessions "
            + "held and attendance, completions, withdrawals, evaluations, feedback, new capital, outcomes recorded "
            + "in it) and the cumulative indicators at the quarter's end. `year` (2000–2999) and `quarter` (1–4) "
            + "default to today's in the LED's zone; outside those bounds 400 `validation-failed`.")
    @APIResponse(responseCode = "200", description = "The quarterly report")
    public QuarterlyReportView quarterly(@PathParam("ledId") UUID ledId, @PathParam("programmeId") UUID programmeId,
            @Parameter(description = "The calendar year, 2000–2999; default this year.", example = "2026")
            @QueryParam("year") Integer year,
            @Parameter(description = "The quarter, 1–4 (January–March is 1); default this quarter.", example = "2")
            @QueryParam("quarter") Integer quarter) {
        access.require(ledId, LedPermission.READ_TRAINING);
        return indicators.quarterly(ledId, programmeId, year, quarter);
    }
}
