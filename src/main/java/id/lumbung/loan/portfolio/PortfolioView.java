package id.lumbung.loan.portfolio;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import id.lumbung.loan.quality.Kolektibilitas;
import id.lumbung.money.Amount;

/** The LED's loan portfolio as of a day: what the district and the auditors judge it by. */
@Schema(name = "Portfolio")
public record PortfolioView(
        @Schema(example = "2026-06-30") LocalDate asOf,
        @Schema(nullable = true, description = "Start of the repayment-rate window, when one was given.",
                example = "2026-01-01") LocalDate from,
        @Schema(description = "The journal's head when the report was made: ties the figures to the ledger.")
        ChainHead chainHead,
        @Schema(description = "Loans in the portfolio: disbursed by `asOf`, principal outstanding, not written off.",
                example = "42") int loans,
        @Schema(description = "Distinct members with a loan in the portfolio.", example = "37") int borrowers,
        @Schema(type = SchemaType.STRING, example = "84500000.00") Amount outstandingPrincipal,
        @Schema(description = "Every class of the quality table in force on `asOf`, best first.")
        List<ClassFigures> byClass,
        @Schema(type = SchemaType.STRING, description = "Σ each loan's provision (outstanding × its class's rate, "
                + "rounded by the loan's step).", example = "2150000.00") Amount provisionRequired,
        @Schema(type = SchemaType.STRING, description = "The allowance 1-1310 as booked on `asOf`.",
                example = "1900000.00") Amount provisionBooked,
        PortfolioAtRisk par,
        @Schema(description = "Loans in the portfolio that were rescheduled (restrukturisasi) by `asOf`; each keeps "
                + "its reschedule day's class until it has paid three installments of its new schedule on time.")
        Restructured restructured,
        @Schema(type = SchemaType.STRING, nullable = true, description = "Principal and interest collected on the "
                + "installments due in the window ÷ what fell due in it, 4 decimals; null when nothing was due.",
                example = "0.9312") String repaymentRate,
        List<GroupFigures> byGroup,
        List<ProductFigures> byProduct) {

    /** The journal's latest entry. */
    @Schema(name = "PortfolioChainHead")
    public record ChainHead(@Schema(example = "1284") long number,
            @Schema(example = "9f2c5e0d4b7a…") String hash) {
    }

    /** One quality class's loans and provision. */
    @Schema(name = "PortfolioClass")
    public record ClassFigures(
            @Schema(name = "class", example = "LANCAR") @JsonProperty("class") Kolektibilitas kolektibilitas,
            @Schema(example = "35") int loans,
            @Schema(type = SchemaType.STRING, example = "71000000.00") Amount outstanding,
            @Schema(type = SchemaType.STRING, description = "The class's provision rate as a fraction (0.05 = 5 %), "
                    + "as on a provision.", example = "0.01")
            String provisionRate,
            @Schema(type = SchemaType.STRING, example = "710000.00") Amount provisionRequired) {
    }

    /** The restructured part of the portfolio. */
    @Schema(name = "PortfolioRestructured")
    public record Restructured(@Schema(example = "2") int loans,
            @Schema(type = SchemaType.STRING, example = "4500000.00") Amount outstanding) {
    }

    /** PAR1 / PAR30 / PAR90 as decimal fractions of the outstanding principal. */
    @Schema(name = "PortfolioAtRisk")
    public record PortfolioAtRisk(
            @Schema(type = SchemaType.STRING, description = "Outstanding of loans ≥ 1 day past due ÷ all "
                    + "outstanding.", example = "0.1420") String par1,
            @Schema(type = SchemaType.STRING, description = "> 30 days past due.", example = "0.0710") String par30,
            @Schema(type = SchemaType.STRING, description = "> 90 days past due.", example = "0.0240") String par90) {
    }

    /** A KUB group's loans; members with a loan in arrears are named (the group answers for them). */
    @Schema(name = "PortfolioGroup")
    public record GroupFigures(
            @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a70") UUID groupId,
            @Schema(example = "KUB Mawar") String name,
            @Schema(example = "6") int loans,
            @Schema(type = SchemaType.STRING, example = "14500000.00") Amount outstanding,
            @Schema(type = SchemaType.STRING, example = "0.0690") String par30,
            @Schema(description = "The group's worst class.", example = "DALAM_PERHATIAN_KHUSUS")
            Kolektibilitas kolektibilitas,
            List<MemberInArrears> membersInArrears) {
    }

    /** A borrower in arrears; the name is left out for a trainer. */
    @Schema(name = "PortfolioMemberInArrears")
    public record MemberInArrears(
            @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID memberId,
            @Schema(nullable = true, description = "Null for a trainer's token.", example = "Siti Aminah")
            String name,
            @Schema(example = "12") int daysPastDue,
            @Schema(type = SchemaType.STRING, example = "345000.00") Amount arrearsAmount) {
    }

    /** One product's loans. */
    @Schema(name = "PortfolioProduct")
    public record ProductFigures(
            @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000101") UUID productId,
            @Schema(example = "Pinjaman Usaha Flat 10 Bulan") String name,
            @Schema(example = "30") int loans,
            @Schema(type = SchemaType.STRING, example = "60000000.00") Amount outstanding,
            @Schema(type = SchemaType.STRING, example = "0.0500") String par30) {
    }
}
