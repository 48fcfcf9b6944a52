package id.lumbung.settings;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.loan.repayment.AllocationOrder;
import id.lumbung.money.Amount;

/** The LED's lending settings in force. */
@Schema(name = "LendingSettings")
public record LendingSettingsView(
        @Schema(type = SchemaType.STRING,
                description = "Loans above this principal need an approver other than the applicant.",
                example = "5000000.00", required = true)
        Amount approvalThreshold,
        @Schema(example = "PENALTY_INTEREST_PRINCIPAL", required = true) AllocationOrder allocationOrder,
        @Schema(required = true) RoundingRule rounding,
        @Schema(example = "1-1200", required = true) String disbursementAccount,
        @Schema(example = "1-1100", required = true) String collectionAccount,
        @Schema(example = "Asia/Jakarta", required = true) String timeZone,
        @Schema(type = SchemaType.STRING,
                description = "Manual adjustments above it wait for a second manager; null when off.",
                nullable = true, example = "10000000.00")
        Amount adjustmentApprovalThreshold) {

    static LendingSettingsView from(LendingSettings settings) {
        return new LendingSettingsView(settings.approvalThreshold(), settings.allocationOrder(),
                RoundingRule.from(settings.rounding()), settings.disbursementAccount(),
                settings.collectionAccount(), settings.timeZone().getId(), settings.adjustmentApprovalThreshold());
    }
}
