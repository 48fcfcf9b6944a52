package id.lumbung.loan.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import id.lumbung.loan.schedule.Frequency;
import id.lumbung.loan.schedule.InterestMethod;
import id.lumbung.loan.schedule.RatePeriod;
import id.lumbung.money.Amount;

/** A loan product as the API shows it. */
@Schema(name = "LoanProduct")
public record LoanProductView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000101") UUID id,
        @Schema(example = "Pinjaman Modal Usaha KUB 2026") String name,
        @Schema(example = "FLAT") InterestMethod interestMethod,
        @Schema(type = SchemaType.STRING, example = "1.5") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal interestRate,
        @Schema(example = "MONTH") RatePeriod ratePeriod,
        @Schema(example = "MONTHLY") Frequency frequency,
        @Schema(example = "10") int installments,
        @Schema(example = "0") int graceInstallments,
        @Schema(type = SchemaType.STRING, example = "1") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal adminFeePercent,
        @Schema(type = SchemaType.STRING, example = "0.1", nullable = true)
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal penaltyRatePerDay,
        @Schema(nullable = true) Amount minPrincipal,
        @Schema(nullable = true) Amount maxPrincipal,
        @Schema(nullable = true, example = "6") Integer minInstallments,
        @Schema(nullable = true, example = "12") Integer maxInstallments,
        @Schema(description = "False once retired: a retired product takes no new loans.", example = "true")
        boolean active,
        @Schema(example = "2026-02-03T02:15:30.123456Z") Instant createdAt,
        @Schema(example = "manager.siti") String createdBy) {

    static LoanProductView from(LoanProduct product) {
        return new LoanProductView(product.id, product.name, product.interestMethod, plainRate(product.interestRate),
                product.ratePeriod, product.frequency, product.installments, product.graceInstallments,
                plainRate(product.adminFeePercent), plainRate(product.penaltyRatePerDay), amount(product.minPrincipal),
                amount(product.maxPrincipal), product.minInstallments, product.maxInstallments, product.active,
                product.createdAt, product.createdBy);
    }

    /** "1.5", not "1.5000": the rate as the manager wrote it. */
    public static BigDecimal plainRate(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Amount amount(BigDecimal value) {
        return value == null ? null : Amount.of(value);
    }
}
