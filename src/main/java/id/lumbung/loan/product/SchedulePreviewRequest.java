package id.lumbung.loan.product;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** The loan a manager is about to offer: what its schedule would be. */
@Schema(name = "SchedulePreviewRequest")
public record SchedulePreviewRequest(
        @Schema(type = SchemaType.STRING, example = "3000000") @NotNull Amount principal,
        @Schema(description = "Overrides the product's number, inside its bounds.", example = "10", nullable = true)
        Integer installments,
        @Schema(type = SchemaType.STRING, description = "Overrides (lowers) the product's rate.", example = "1.5",
                nullable = true)
        @Digits(integer = 3, fraction = 4) BigDecimal interestRate,
        @Schema(description = "The day the money would be paid out; installments fall due from it.",
                example = "2026-03-01")
        @NotNull LocalDate disbursedOn) {
}
