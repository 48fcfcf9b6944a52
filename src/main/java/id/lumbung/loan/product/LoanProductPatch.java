package id.lumbung.loan.product;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one change a loan product accepts: retiring it. Its terms never change; a new version is a new product. */
@Schema(name = "LoanProductPatch")
public record LoanProductPatch(
        @Schema(description = "false retires the product: loans already made keep it, new ones may not use it.",
                example = "false")
        @NotNull @AssertFalse(message = "a product can only be retired (false); make a new product instead")
        Boolean active) {
}
