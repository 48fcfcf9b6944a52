package id.lumbung.statement.notes;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.loan.quality.QualityClass;
import id.lumbung.loan.quality.QualityMeasure;
import id.lumbung.loan.quality.QualityPreset;
import id.lumbung.loan.repayment.AllocationOrder;
import id.lumbung.money.Amount;
import id.lumbung.platform.openapi.ContractFilter;
import id.lumbung.statement.settings.LendingCashFlow;

/**
 * The accounting policies in force on the notes' day, as sentences a reader can quote and as the
 * settings they come from (lending settings, the loan-quality setting), so a client can check one
 * against the other.
 */
@Schema(name = "StatementNotesPolicies")
public record AccountingPolicies(
        @Schema(description = "The compliance statement (SAK EMKM 3.4), naming the exception.",
                example = "Laporan keuangan ini disusun sesuai dengan Standar Akuntansi Keuangan Entitas Mikro, "
                        + "Kecil, dan Menengah (SAK EMKM), kecuali …") String compliance,
        @Schema(description = "Basis of preparation: measurement, recognition and currency.",
                example = "Laporan keuangan disusun berdasarkan konsep biaya historis dengan dasar akrual, …")
        String basis,
        RoundingPolicy rounding,
        AllocationPolicy allocationOrder,
        LoanQualityPolicy loanQuality,
        @Schema(description = "Why the LED keeps a loan-loss allowance although SAK EMKM does not ask for one.")
        String loanLossAllowance,
        CashFlowPolicy cashFlow) {

    /** Where the cash-flow statement puts lending (the LED's statement settings), and why. */
    @Schema(name = "StatementNotesCashFlow")
    public record CashFlowPolicy(@Schema(example = "OPERATING") LendingCashFlow lending,
            @Schema(example = "Laporan arus kas disusun dengan metode langsung. …") String text) {
    }

    /** How loan amounts are rounded (the LED's lending settings). */
    @Schema(name = "StatementNotesRounding")
    public record RoundingPolicy(@Schema(example = "1.00") Amount step,
            @Schema(description = "HALF_UP, UP or DOWN.", example = "HALF_UP") String mode,
            @Schema(example = "Angsuran, jasa dan penyisihan dibulatkan ke kelipatan Rp 1,00 …") String text) {
    }

    /** How a payment settles an installment's parts (the LED's lending settings). */
    @Schema(name = "StatementNotesAllocationOrder")
    public record AllocationPolicy(@Schema(example = "PENALTY_INTEREST_PRINCIPAL") AllocationOrder order,
            @Schema(example = "Pembayaran angsuran dialokasikan berturut-turut ke denda, jasa, lalu pokok.")
            String text) {
    }

    /** The kolektibilitas table in force on the notes' day and its provisioning rates. */
    @Schema(name = "StatementNotesLoanQuality")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoanQualityPolicy(
            @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                    description = "The preset; absent for the LED's own table.", example = "BANK")
            QualityPreset preset,
            @Schema(example = "DAYS_PAST_DUE") QualityMeasure measure,
            @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                    description = "The day the setting took effect; absent for the default, in force from the "
                            + "start of the books.", example = "2026-01-01") LocalDate effectiveFrom,
            @Schema(description = "The classes monthly loans are classified by, best first, with their rates.")
            List<QualityClass> classes,
            @Schema(description = "The classes weekly loans are classified by (the same as `classes` unless the "
                    + "preset has weekly bands).") List<QualityClass> weeklyClasses,
            @Schema(example = "Pinjaman digolongkan menurut hari tunggakan dengan tabel BANK …") String text) {
    }
}
