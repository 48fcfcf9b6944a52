package id.lumbung.settings;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
                    + "Asia/Jakarta, adjustment approval off.")
    @APIResponse(responseCode = "200", description = "The settings in force")
    public LendingSettingsView get(@PathParam("ledId") UUID ledId) {
        access.require(ledId, LedPermission.VIEW_LED);
        return settings.view(ledId);
    }

    @PUT
    @Operation(operationId = "replaceLendingSettings", summary = "Replace the LED's lending settings",
            description = "Led-manager only. Fields left out take their defaults. Changes apply to loans disbursed "
                    + "afterwards: a disbursed loan keeps the rounding and allocation order it was disbursed with. "
                    + "`timeZone` is the LED's calendar for \"today\" in every effective-date check, the "
                    + "journal's included.")
    @APIResponse(responseCode = "200", description = "The settings now in force")
    public LendingSettingsView replace(@PathParam("ledId") UUID ledId,
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
        return settings.replace(ledId, request, caller.subject());
    }
}
