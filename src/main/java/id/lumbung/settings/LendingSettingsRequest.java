package id.lumbung.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.loan.repayment.AllocationOrder;
import id.lumbung.money.Amount;

/** The LED's lending settings as a manager replaces them; an omitted field takes its default. */
@Schema(name = "LendingSettingsRequest")
public record LendingSettingsRequest(
        @Schema(type = SchemaType.STRING,
                description = "A loan whose principal exceeds this needs an approver other than its applicant "
                + "(maker–checker). Default 0: every loan needs a second person.", example = "5000000",
                nullable = true)
        Amount approvalThreshold,
        @Schema(description = "Within an installment, which part a payment settles first. Default "
                + "PENALTY_INTEREST_PRINCIPAL.", nullable = true)
        AllocationOrder allocationOrder,
        @Schema(description = "Rounding of schedule amounts, admin fees and penalties. Default step 1, HALF_UP.",
                nullable = true)
        @Valid RoundingRule rounding,
        @Schema(description = "Cash or bank account disbursements are paid from. Default 1-1200 (Bank), where "
                + "grants land.", example = "1-1200", nullable = true)
        @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1200 or 1-1200-01")
        String disbursementAccount,
        @Schema(description = "Cash or bank account repayments and admin fees are taken into. Default 1-1100 (Kas).",
                example = "1-1100", nullable = true)
        @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1100 or 1-1100-01")
        String collectionAccount,
        @Schema(description = "The LED's calendar for \"today\" in every effective-date check: Asia/Jakarta (WIB, "
                + "the default), Asia/Makassar (WITA) or Asia/Jayapura (WIT).", example = "Asia/Jakarta",
                enumeration = {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"}, nullable = true)
        String timeZone,
        @Schema(type = SchemaType.STRING,
                description = "A manual adjustment whose total exceeds this waits for a second manager's "
                + "approval. Default null: off.", example = "10000000", nullable = true)
        Amount adjustmentApprovalThreshold) {
}
