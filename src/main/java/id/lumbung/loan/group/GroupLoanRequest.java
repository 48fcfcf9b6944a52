package id.lumbung.loan.group;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** A KUB group's application for one loan shared by its members (tanggung renteng). */
@Schema(name = "GroupLoanRequest")
public record GroupLoanRequest(
        @Schema(description = "The active loan product every share is made on.",
                example = "0193a5c2-11aa-7e0f-b3c4-000000000101")
        @NotNull UUID productId,
        @Schema(description = "One share a member, each a loan of its own inside the product's bounds; at least "
                + "one, every member in the group, none twice.")
        @NotNull @Size(max = 100) List<@NotNull @Valid Share> shares,
        @Schema(description = "The district grant whose capital funds it.", nullable = true,
                example = "0193a5c2-11aa-7e0f-b3c4-000000000001")
        UUID grantId,
        @Schema(description = "What the money is for.", example = "Modal usaha anyaman pandan KUB Mawar")
        @NotBlank @Size(max = 500)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String purpose) {

    /** One member's share. */
    @Schema(name = "GroupLoanShareRequest")
    public record Share(
            @Schema(description = "A member of the group.", example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c")
            @NotNull UUID memberId,
            @Schema(type = SchemaType.STRING, description = "Rupiah lent to this member.", example = "3000000")
            @NotNull Amount principal) {
    }
}
