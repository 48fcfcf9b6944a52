package id.lumbung.statement.settings;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.validation.Text;
import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.StatementGroup;
import jakarta.validation.constraints.Pattern;

/** A replacement of the statement settings; what is left out takes its default. */
@Schema(name = "StatementSettingsRequest")
public record StatementSettingsRequest(
        @Schema(description = "The LED's own mapping; every account not listed follows its parent, or its "
                + "type's default.") @Size(max = 2000) List<@NotNull @Valid AccountGroup> accountGroups,
        @Schema(description = "Default OPERATING.") LendingCashFlow lendingCashFlow,
        @Schema(description = "Default: none.") @Valid SignatureBlock signatureBlock,
        @Schema(description = "The account each surplus-allocation target's share is posted to, where the LED "
                + "chooses its own; a target not listed posts to its system account (CAPITAL 3-1400, SOCIAL_FUND "
                + "2-1300, INSTITUTION 2-1400 by default).")
        @Size(max = 3) List<@NotNull @Valid AllocationTarget> allocationTargets,
        @Schema(description = "Whether the LED's public summary for the village assembly answers without a token "
                + "(figures as of the last closed period, no personal data). Default false: nothing is public "
                + "until a manager publishes it.", example = "true") Boolean publicSummaryPublished) {

    /** One target's account: an equity account for CAPITAL, a liability or equity account for the funds. */
    @Schema(name = "StatementAllocationTarget")
    public record AllocationTarget(@Schema(example = "SOCIAL_FUND") @NotNull SurplusTarget target,
            @Schema(example = "2-1310") @NotBlank @Size(max = 20)
            @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
            String account) {
    }

    /** One account's group: a group of the account's type (an asset account to an asset group). */
    @Schema(name = "StatementAccountGroup")
    public record AccountGroup(@Schema(example = "1-2100") @NotBlank @Size(max = 20)
            @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
            String account,
            @Schema(example = "NON_CURRENT_ASSETS") @NotNull StatementGroup group) {
    }
}
