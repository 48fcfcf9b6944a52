package id.lumbung.loan.portfolio;

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
import id.lumbung.platform.security.Caller;
import id.lumbung.platform.security.Role;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** The LED's loan portfolio report. */
@Path("/api/v1/leds/{ledId}/portfolio")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Loans")
@RetriesReads
public class PortfolioResource {

    /** The roles that see borrowers' names; a trainer sees the same figures without them. */
    private static final Set<String> SEE_NAMES = Set.of(Role.LED_MANAGER, Role.LED_CLERK, Role.DISTRICT_OFFICER,
            Role.AUDITOR);

    private final PortfolioService portfolio;
    private final LedAccess access;
    private final Caller caller;

    public PortfolioResource(PortfolioService portfolio, LedAccess access, Caller caller) {
        this.portfolio = portfolio;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getPortfolio", summary = "The loan portfolio as of a day", description = "Every "
            + "role with the LED in scope; a trainer gets it without member names. Loans in the portfolio: "
            + "disbursed by `asOf`, principal outstanding, not written off. `byClass` follows the loan-quality "
            + "table in force on `asOf`; `provisionBooked` is 1-1310 on `asOf`. PAR1/PAR30/PAR90: outstanding "
            + "principal of loans ≥ 1 / > 30 / > 90 days past due ÷ all outstanding, 4 decimals HALF_UP "
            + "(`0.0000` for an empty portfolio). `repaymentRate`: principal and interest collected on the "
            + "installments that fell due from `from` (default: the beginning) to `asOf` ÷ what fell due; null "
            + "when nothing was due. Read from the loans' dated rows, so a past day's report can be reproduced.")
    @APIResponse(responseCode = "200", description = "The portfolio")
    public PortfolioView get(@PathParam("ledId") UUID ledId,
            @Parameter(description = "The day the report is as of; default today in the LED's calendar.",
                    example = "2026-06-30") @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "Start of the repayment-rate window, inclusive; default the beginning.",
                    example = "2026-01-01") @QueryParam("from") LocalDate from) {
        access.require(ledId, LedPermission.READ_PORTFOLIO);
        return portfolio.report(ledId, asOf, from, caller.hasAnyRole(SEE_NAMES));
    }
}
