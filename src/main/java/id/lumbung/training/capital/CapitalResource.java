package id.lumbung.training.capital;

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

/** The link from a trainee to the capital they received. */
@Path("/api/v1/leds/{ledId}/trainees/{traineeId}/capital")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Training")
@RetriesReads
public class CapitalResource {

    private final CapitalService capital;
    private final LedAccess access;

    public CapitalResource(CapitalService capital, LedAccess access) {
        this.capital = capital;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getTraineeCapital", summary = "The capital a trainee received and how it is doing",
            description = "Every role that reads training data. The trainee and the member (the NIK masked for every "
            + "role but led-manager and auditor, so always for a trainer), each loan disbursed by `asOf` (principal, "
            + "disbursed on, funding grant, principal repaid and outstanding, days past due, kolektibilitas — the "
            + "loan views' own figures), each assistance given by `asOf`, contributions and the savings balance, "
            + "and totals. Loans count from the day disbursed, assistance from the day given.")
    @APIResponse(responseCode = "200", description = "The trainee's capital")
    public CapitalView get(@PathParam("ledId") UUID ledId, @PathParam("traineeId") UUID traineeId,
            @Parameter(description = "The day (end of it) the figures are for; default today in the LED's zone.",
                    example = "2026-12-01") @QueryParam("asOf") LocalDate asOf) {
        access.require(ledId, LedPermission.READ_TRAINING);
        return capital.capital(ledId, traineeId, asOf, access.allows(LedPermission.VIEW_FULL_NIK));
    }
}
