package id.lumbung.settings;

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

/** An LED's lending settings: maker–checker thresholds, rounding, allocation, default accounts, its calendar. */
@Path("/api/v1/leds/{ledId}/settings/lending")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Settings")
@RetriesReads
public class SettingsResource {

    private final SettingsService settings;
    private final LedAccess access;
    private final Caller caller;

    public SettingsResource(SettingsService settings, LedAccess access, Caller caller) {
        this.settings = settings;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getLendingSettings", summary = "The LED's lending settings",
            description = "Every role with scope over the LED. An LED that never changed them lends with the "
                    + "defaults: approvalThreshold 0 (every loan needs a second person), PENALTY_INTEREST_PRINCIPAL, "
                    + "rounding step 1 HALF_UP, disbursements from 1-1200 Bank, collections into 1-1100 Kas, "
                    + "Asia/Jakarta, adjustment approval off. The `ETag` is the settings' version (`\"0\"` for the "
                    + "defaults): send it as `If-Match` when replacing them.")
    @APIResponse(responseCode = "200", description = "The settings in force", headers = @Header(ref = "ETag"))
    public RestResponse<LendingSettingsView> get(@PathParam("ledId") UUID ledId) {
        access.require(ledId, LedPermission.VIEW_LED);
        return tagged(settings.versioned(ledId));
    }

    @PUT
    @Operation(operationId = "replaceLendingSettings", summary = "Replace the LED's lending settings",
            description = "Led-manager only. Fields left out take their defaults. Changes apply to loans disbursed "
                    + "afterwards: a disbursed loan keeps the rounding and allocation order it was disbursed with. "
                    + "`timeZone` is the LED's calendar for \"today\" in every effective-date check, the "
                    + "journal's included. Send the `ETag` of your last read as `If-Match`: if another manager "
                    + "replaced them since, nothing changes and the answer is 412 `precondition-failed`. Without "
                    + "`If-Match` "
                    + "the settings are replaced whatever happened meanwhile.")
    @APIResponse(responseCode = "200", description = "The settings now in force", headers = @Header(ref = "ETag"))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public RestResponse<LendingSettingsView> replace(@PathParam("ledId") UUID ledId,
            @Parameter(description = "The `ETag` the change was based on, e.g. `\"2\"`; 412 when it is no longer "
                    + "current.", example = "\"2\"") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "LED Desa Kuok", value = """
                    {
                      "approvalThreshold": "5000000",
                      "allocationOrder": "PENALTY_INTEREST_PRINCIPAL",
                      "rounding": {"step": "1", "mode": "HALF_UP"},
                      "disbursementAccount": "1-1200",
                      "collectionAccount": "1-1100",
                      "timeZone": "Asia/Jakarta",
                      "adjustmentApprovalThreshold": "10000000"
                    }""")))
            @NotNull @Valid LendingSettingsRequest request) {
        access.require(ledId, LedPermission.MANAGE_LENDING);
        return tagged(settings.replace(ledId, request, caller.subject(), ifMatch));
    }

    private static RestResponse<LendingSettingsView> tagged(SettingsService.Versioned versioned) {
        return RestResponse.ResponseBuilder.ok(versioned.settings())
                .header(ETags.ETAG, ETags.of(versioned.version())).build();
    }
}
