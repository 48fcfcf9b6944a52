package id.lumbung.statement.settings;

import java.util.Map;
import java.util.UUID;

import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.StatementGroup;

/**
 * How an LED's statements are presented, as the statements use it.
 *
 * @param accountGroups   the LED's own mapping, by account id; an account not in it takes its
 *                        parent's group, a root account its documented default
 * @param lendingCashFlow where the cash flow puts lending
 * @param signatureBlock  who signs the PDF statements
 * @param allocationTargets the account code the LED chose for a surplus-allocation target; a target
 *                        not in it posts to the system account of its purpose
 * @param publicSummaryPublished whether the LED's public summary answers without a token
 */
public record StatementSettings(Map<UUID, StatementGroup> accountGroups, LendingCashFlow lendingCashFlow,
        SignatureBlock signatureBlock, Map<SurplusTarget, String> allocationTargets,
        boolean publicSummaryPublished) {

    /** What an LED that never changed them presents with. */
    public static final StatementSettings DEFAULTS = new StatementSettings(Map.of(), LendingCashFlow.OPERATING,
            SignatureBlock.NONE, Map.of(), false);
}
