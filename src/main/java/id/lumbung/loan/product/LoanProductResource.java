package id.lumbung.loan.product;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.lumbung.loan.ScheduleView;
import id.lumbung.platform.database.RetriesReads;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedAccess;
import id.lumbung.tenancy.LedPermission;
import io.quarkus.security.Authenticated;

/** The LED's loan products: the terms it lends on, and the schedule a loan would get. */
@Path("/api/v1/leds/{ledId}/loan-products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Loan products")
@RetriesReads
public class LoanProductResource {

    private final LoanProductService products;
    private final LedAccess access;
    private final Caller caller;

    public LoanProductResource(LoanProductService products, LedAccess access, Caller caller) {
        this.products = products;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createLoanProduct", summary = "Create a loan product", description = "Led-manager "
            + "only. A product is never edited once created: a new version is a new product (with a new name), "
            + "and the old one is retired with PATCH.")
    @APIResponse(responseCode = "201", description = "The product; `Location` points at it",
            headers = @Header(ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LoanProductView.class)))
    public Response create(@PathParam("ledId") UUID ledId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "jasa pinjaman KUB", value = """
                    {
                      "name": "Pinjaman Modal Usaha KUB 2026",
                      "interestMethod": "FLAT",
                      "interestRate": "1.5",
                      "ratePeriod": "MONTH",
                      "frequency": "MONTHLY",
                      "installments": 10,
                      "graceInstallments": 0,
                      "adminFeePercent": "1",
                      "penaltyRatePerDay": "0.1",
                      "minPrincipal": "500000",
                      "maxPrincipal": "10000000",
                      "minInstallments": 6,
                      "maxInstallments": 12
                    }""")))
            @NotNull @Valid LoanProductRequest request, UriInfo uri) {
        access.require(ledId, LedPermission.MANAGE_LENDING);
        LoanProductView product = products.create(ledId, request, caller.subject());
        return Response.created(uri.getAbsolutePathBuilder().path(product.id().toString()).build())
                .entity(product).build();
    }

    @GET
    @Operation(operationId = "listLoanProducts", summary = "List loan products", description = "In the order they "
            + "were created; `active=true` shows only those that take new loans. Every role with scope over the LED.")
    @APIResponse(responseCode = "200", description = "A page of products")
    public Page<LoanProductView> list(@PathParam("ledId") UUID ledId,
            @Parameter(description = "Only active (true) or retired (false) products.") @QueryParam("active")
            Boolean active,
            @Parameter(description = "Page size, 1 to 500 (default 50).") @QueryParam("limit") Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("after") String after) {
        access.require(ledId, LedPermission.VIEW_LED);
        return products.list(ledId, active, Cursor.limit(limit), after);
    }

    @GET
    @Path("/{productId}")
    @Operation(operationId = "getLoanProduct", summary = "One loan product")
    @APIResponse(responseCode = "200", description = "The product")
    public LoanProductView get(@PathParam("ledId") UUID ledId, @PathParam("productId") UUID productId) {
        access.require(ledId, LedPermission.VIEW_LED);
        return products.get(ledId, productId);
    }

    @POST
    @Path("/{productId}/schedule-preview")
    @Operation(operationId = "previewLoanSchedule", summary = "Preview a loan's schedule", description = "The "
            + "schedule a loan on this product would get if disbursed on `disbursedOn`, rounded as the LED rounds "
            + "today; what a manager shows a member before they sign. Writes nothing. Every role with scope.")
    @APIResponse(responseCode = "200", description = "The schedule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScheduleView.class)))
    public ScheduleView preview(@PathParam("ledId") UUID ledId, @PathParam("productId") UUID productId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "kerupuk sagu", value = """
                    {
                      "principal": "3000000",
                      "installments": 10,
                      "disbursedOn": "2026-03-01"
                    }""")))
            @NotNull @Valid SchedulePreviewRequest request) {
        access.require(ledId, LedPermission.VIEW_LED);
        return products.preview(ledId, productId, request);
    }

    @PATCH
    @Path("/{productId}")
    @Operation(operationId = "retireLoanProduct", summary = "Retire a loan product", description = "Led-manager "
            + "only. The one change a product accepts is `{\"active\": false}`: loans already made keep their "
            + "terms, new applications naming it are refused (422 `product-retired`).")
    @APIResponse(responseCode = "200", description = "The retired product")
    public LoanProductView retire(@PathParam("ledId") UUID ledId, @PathParam("productId") UUID productId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "retire", value = """
                    {"active": false}""")))
            @NotNull @Valid LoanProductPatch patch) {
        access.require(ledId, LedPermission.MANAGE_LENDING);
        return products.retire(ledId, productId, patch);
    }
}
