package id.lumbung.statement.settings;

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

/** How an LED's statements are presented: account mapping, cash-flow classification, signature block. */
@Path("/api/v1/leds/{ledId}/settings/statements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Settings")
@RetriesReads
public class StatementSettingsResource {

    private final StatementSettingsService settings;
    private final LedAccess access;
    private final Caller caller;

    public StatementSettingsResource(StatementSettingsService settings, LedAccess access, Caller caller) {
        this.settings = settings;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getStatementSettings", summary = "The LED's statement settings",
            description = "Every role that reads the statements. `accountGroups` is the LED's own mapping; "
                    + "`presentation` lists every account of the chart with the group the balance sheet or the "
                    + "income statement presents it in, and why: `SETTING` (mapped here), `PARENT` (an unmapped "
                    + "sub-account follows its parent) or `DEFAULT`. The documented defaults: assets "
                    + "CURRENT_ASSETS, liabilities CURRENT_LIABILITIES (a revolving fund's loans are short and its "
                    + "savings repayable on demand), equity EQUITY, income OPERATING_INCOME except recoveries "
                    + "(4-1400) and other income (4-1900) OTHER_INCOME, expenses OPERATING_EXPENSE except other "
                    + "expenses (5-1900) OTHER_EXPENSE. `lendingCashFlow` OPERATING; no signature block. The "
                    + "`ETag` is the settings' version (`\"0\"` for the defaults): send it as `If-Match` when "
                    + "replacing them.")
    @APIResponse(responseCode = "200", description = "The settings in force", headers = @Header(ref = "ETag"))
    public RestResponse<StatementSettingsView> get(@PathParam("ledId") UUID ledId) {
        access.require(ledId, LedPermission.READ_STATEMENTS);
        return tagged(settings.versioned(ledId));
    }

    @PUT
    @Operation(operationId = "replaceStatementSettings", summary = "Replace the LED's statement settings",
            description = "Led-manager only. Fields left out take their defaults. Each mapped account goes to a "
                    + "group of its own type (an asset account to CURRENT_ASSETS or NON_CURRENT_ASSETS, …): "
                    + "another is 400, an unknown account 422. A sub-account not mapped follows its parent. The "
                    + "signature block is printed at the foot of every PDF statement: \"place, date\" (place "
                    + "default: the LED's village) and the signers in order, each title in Indonesian and English. "
                    + "Statements read the settings in their own snapshot: a statement made after the change "
                    + "uses it. Send the `ETag` of your last read as `If-Match`: if another manager replaced them "
                    + "since, nothing changes and the answer is 412 `precondition-failed`.")
    @APIResponse(responseCode = "200", description = "The settings now in force", headers = @Header(ref = "ETag"))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public RestResponse<StatementSettingsView> replace(@PathParam("ledId") UUID ledId,
            @Parameter(description = "The `ETag` the change was based on, e.g. `\"2\"`; 412 when it is no longer "
                    + "current.", example = "\"2\"") @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "LED Desa Kuok", value = """
                    {
                      "accountGroups": [{"account": "1-2100", "group": "NON_CURRENT_ASSETS"}],
                      "lendingCashFlow": "OPERATING",
                      "signatureBlock": {
                        "place": "Kuok",
                        "signatories": [
                          {"title": "Direktur", "titleEn": "Director", "name": "Budi Santoso"},
                          {"title": "Ketua Pengawas", "titleEn": "Chair of the Supervisory Board",
                           "name": "Siti Aminah"}
                        ]
                      }
                    }""")))
            @NotNull @Valid StatementSettingsRequest request) {
        access.require(ledId, LedPermission.MANAGE_STATEMENTS);
        return tagged(settings.replace(ledId, request, caller.subject(), ifMatch));
    }

    private static RestResponse<StatementSettingsView> tagged(StatementSettingsService.Versioned versioned) {
        return RestResponse.ResponseBuilder.ok(versioned.settings())
                .header(ETags.ETAG, ETags.of(versioned.version())).build();
    }
}
