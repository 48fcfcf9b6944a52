package id.lumbung.savings;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.ReversalPolicy;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;

/**
 * A savings entry reversed through the journal would move 2-1100 without the member's passbook,
 * and the sub-ledger would no longer add up to the control account. Savings are corrected by a
 * counter-movement instead (a withdrawal for a mistaken deposit, a deposit for a mistaken
 * withdrawal), which keeps both in step.
 */
@ApplicationScoped
public class SavingsReversalPolicy implements ReversalPolicy {

    @Override
    public void checkReversible(PostedEntry original) {
        if (original.reference() != null && SavingsService.REFERENCE_TYPE.equals(original.reference().type())) {
            throw new ApiException(ProblemType.ENTRY_OWNED_BY_OPERATION, "entry #" + original.number()
                    + " is a member savings movement; correct it with a counter-movement on the member's savings");
        }
    }
}
