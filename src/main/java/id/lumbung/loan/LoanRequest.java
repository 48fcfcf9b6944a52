package id.lumbung.loan;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** A member's loan application. */
@Schema(name = "LoanRequest")
public record LoanRequest(
        @Schema(description = "The borrowing member.", example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c")
        @NotNull UUID memberId,
        @Schema(description = "The active loan product it is made on.",
                example = "0193a5c2-11aa-7e0f-b3c4-000000000101")
        @NotNull UUID productId,
        @Schema(type = SchemaType.STRING,
                description = "Rupiah lent, inside the product's bounds.", example = "3000000")
        @NotNull Amount principal,
        @Schema(description = "Overrides the product's number of installments, inside its bounds.", example = "10",
                nullable = true)
        Integer installments,
        @Schema(type = SchemaType.STRING, description = "Overrides (lowers) the product's interest rate.",
                example = "1.5", nullable = true)
        @Digits(integer = 3, fraction = 4) BigDecimal interestRate,
        @Schema(description = "The KUB group the member borrows through (joint liability, tanggung renteng).",
                nullable = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70")
        UUID groupId,
        @Schema(description = "The district grant whose capital funds it; statements report grant use from it.",
                nullable = true, example = "0193a5c2-11aa-7e0f-b3c4-000000000001")
        UUID grantId,
        @Schema(description = "What the money is for.", example = "Modal usaha kerupuk sagu")
        @NotBlank @Size(max = 500)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String purpose) {
}
