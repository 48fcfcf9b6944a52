package id.lumbung.loan.quality;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.http.ETags;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** How an LED classifies its loans (kolektibilitas) and what each class must be provisioned, effective-dated. */
@Path("/api/v1/leds/{ledId}/settings/loan-quality")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Settings")
@RetriesReads
public class LoanQualityResource {

    private final LoanQualityService quality;
    private final LedAccess access;
    private final Caller caller;

    public LoanQualityResource(LoanQualityService quality, LedAccess access, Caller caller) {
        this.quality = quality;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getLoanQualitySettings", summary = "The LED's loan-quality setting",
            description = "Every role with scope over the LED. The setting in force on `asOf` (default today) — "
                    + "the BANK preset until the LED changes it — with the tables monthly and weekly loans are "
                    + "classified by, and every change (who, when, from which day, old → new). The `ETag` is the "
                    + "latest change's number (`\"0\"` while the default is in force): send it as `If-Match` with a "
                    + "change.")
    @APIResponse(responseCode = "200", description = "The setting in force and the history",
            headers = @Header(ref = "ETag"))
    public RestResponse<LoanQualitySettingsView> get(@PathParam("ledId") UUID ledId,
            @Parameter(description = "The day whose setting to show; default today in the LED's calendar.",
                    example = "2026-04-15") @QueryParam("asOf") LocalDate asOf) {
        access.require(ledId, LedPermission.VIEW_LED);
        return tagged(quality.view(ledId, asOf));
    }

    @PUT
    @Operation(operationId = "changeLoanQualitySettings", summary = "Change the LED's loan-quality setting",
            description = "Led-manager only. A preset (`BANK`, `LKM`, `UPK`) or a custom table of 3 or 5 classes "
                    + "(422 `loan-quality-table-invalid` otherwise, nothing written), from `effectiveFrom` "
                    + "(default today): every computation as of a day on or after it uses it, earlier days keep "
                    + "the setting they had. Not before the latest change's day (409 "
                    + "`loan-quality-change-out-of-order`), not inside a closed period (409 `period-closed`), "
                    + "not after today. The same setting again records nothing. Send the `ETag` of your last read as "
                    + "`If-Match`: if another change was recorded since, nothing changes and the answer is 412 "
                    + "`precondition-failed`; without it the change is recorded whatever happened meanwhile.")
    @APIResponse(responseCode = "200", description = "The setting in force from `effectiveFrom`, and the history",
            headers = @Header(ref = "ETag"))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public RestResponse<LoanQualitySettingsView> change(@PathParam("ledId") UUID ledId,
            @Parameter(description = "The `ETag` the change was based on, e.g. `\"1\"`; 412 when another change was "
                    + "recorded since.", example = "\"1\"") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                @ExampleObject(name = "UPK preset", value = """
                    {"preset": "UPK", "effectiveFrom": "2026-04-01"}"""),
                @ExampleObject(name = "LED Desa Kuok's own table", value = """
                    {
                      "measure": "DAYS_PAST_DUE",
                      "classes": [
                        {"class": "LANCAR", "upTo": 30, "provisionPercent": "1"},
                        {"class": "DIRAGUKAN", "upTo": 180, "provisionPercent": "50"},
                        {"class": "MACET", "upTo": null, "provisionPercent": "100"}
                      ]
                    }""")}))
            @NotNull @Valid LoanQualityRequest request) {
        access.require(ledId, LedPermission.MANAGE_LENDING);
        return tagged(quality.change(ledId, request, caller.subject(), ifMatch));
    }

    private static RestResponse<LoanQualitySettingsView> tagged(LoanQualityService.Versioned versioned) {
        return RestResponse.ResponseBuilder.ok(versioned.settings())
                .header(ETags.ETAG, ETags.of(versioned.version())).build();
    }
}
