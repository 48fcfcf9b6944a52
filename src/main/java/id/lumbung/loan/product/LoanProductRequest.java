package id.lumbung.loan.product;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.schedule.Frequency;
import id.lumbung.loan.schedule.InterestMethod;
import id.lumbung.loan.schedule.RatePeriod;
import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** A new loan product. Rates are percentages as decimal strings ("1.5" is 1.5 %). */
@Schema(name = "LoanProductRequest")
public record LoanProductRequest(
        @Schema(example = "Pinjaman Modal Usaha KUB 2026")
        @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String name,
        @Schema(description = "FLAT (jasa pinjaman: principal × rate every period), DECLINING_BALANCE (equal "
                + "installments, annuity) or EQUAL_PRINCIPAL (equal principal, interest on the outstanding).",
                example = "FLAT")
        @NotNull InterestMethod interestMethod,
        @Schema(type = SchemaType.STRING, description = "Interest rate in percent per `ratePeriod`, up to 4 "
                + "decimals: at most 10 per MONTH or 100 per YEAR.", example = "1.5")
        @NotNull @Digits(integer = 3, fraction = 4) BigDecimal interestRate,
        @Schema(example = "MONTH") @NotNull RatePeriod ratePeriod,
        @Schema(example = "MONTHLY") @NotNull Frequency frequency,
        @Schema(description = "Number of installments, 1 to 1040.", example = "10")
        @Min(1) @Max(1040) int installments,
        @Schema(description = "The first installments that carry interest only (no principal).", example = "0")
        @Min(0) int graceInstallments,
        @Schema(type = SchemaType.STRING, description = "Admin fee in percent of the principal, taken at "
                + "disbursement (0 to 20).", example = "1")
        @NotNull @Digits(integer = 2, fraction = 4) BigDecimal adminFeePercent,
        @Schema(type = SchemaType.STRING, description = "Late penalty (denda) in percent per day on an overdue "
                + "installment's unpaid principal and interest (0 to 1); none when left out.", example = "0.1",
                nullable = true)
        @Digits(integer = 1, fraction = 4) BigDecimal penaltyRatePerDay,
        @Schema(type = SchemaType.STRING,
                description = "Smallest principal a loan may have.", example = "500000", nullable = true)
        Amount minPrincipal,
        @Schema(type = SchemaType.STRING,
                description = "Largest principal a loan may have.", example = "10000000", nullable = true)
        Amount maxPrincipal,
        @Schema(description = "Fewest installments a loan may override to.", example = "6", nullable = true)
        @Min(1) @Max(1040) Integer minInstallments,
        @Schema(description = "Most installments a loan may override to.", example = "12", nullable = true)
        @Min(1) @Max(1040) Integer maxInstallments) {
}
