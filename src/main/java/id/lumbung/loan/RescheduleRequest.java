package id.lumbung.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;

/** A reschedule (restrukturisasi): a new schedule from {@code on} over the loan's outstanding principal. */
@Schema(name = "RescheduleRequest")
public record RescheduleRequest(
        @Schema(description = "The day the new schedule takes over; its due dates are counted from it. Not after "
                + "today, not before the loan's latest repayment, reversal or disbursement.", example = "2026-06-15")
        @NotNull LocalDate on,
        @Schema(description = "Installments of the new schedule, at the product's frequency.", example = "12")
        @NotNull @Min(1) @Max(1040) Integer installments,
        @Schema(type = SchemaType.STRING, description = "The new rate, per the product's rate period. Default the "
                + "loan's current rate.", example = "1", nullable = true)
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal interestRate,
        @Schema(description = "Leading installments of interest only (masa tenggang); fewer than `installments`. "
                + "Default 0.", example = "2", nullable = true)
        @Min(0) Integer graceInstallments,
        @Schema(description = "Why, for the file and the auditor.",
                example = "Usaha kerupuk sagu terhenti karena banjir; angsuran diringankan")
        @NotBlank @Size(max = 500)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String reason) {
}
