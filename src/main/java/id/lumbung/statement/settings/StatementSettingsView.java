package id.lumbung.statement.settings;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.StatementGroup;
import id.lumbung.statement.StatementMapping;

/** The statement settings in force, with where every account of the chart is presented. */
@Schema(name = "StatementSettings")
public record StatementSettingsView(
        @Schema(description = "The LED's own mapping, as stored.")
        List<StatementSettingsRequest.AccountGroup> accountGroups,
        @Schema(description = "Every account of the chart in code order, the group it is presented in and why.")
        List<Presentation> presentation,
        LendingCashFlow lendingCashFlow,
        SignatureBlock signatureBlock,
        @Schema(description = "Every surplus-allocation target with the account its share posts to, and why: "
                + "SETTING (chosen here) or DEFAULT (the target's system account).")
        List<TargetAccount> allocationTargets,
        @Schema(description = "Whether the public summary answers without a token.", example = "false")
        boolean publicSummaryPublished) {

    /** Where one allocation target's share is posted. */
    @Schema(name = "StatementAllocationTargetAccount")
    public record TargetAccount(@Schema(example = "CAPITAL") SurplusTarget target,
            @Schema(example = "3-1400") String account, @Schema(example = "DEFAULT") StatementMapping.Source source) {
    }

    /** Where one account is presented, and why: mapped by the LED, following its parent, or the default. */
    @Schema(name = "StatementAccountPresentation")
    public record Presentation(@Schema(example = "1-1300") String account,
            @Schema(example = "Piutang Pinjaman Anggota") String name,
            @Schema(example = "CURRENT_ASSETS") StatementGroup group,
            @Schema(example = "DEFAULT") StatementMapping.Source source) {
    }
}
