package id.lumbung.loan.group;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.ReversalPolicy;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;

/**
 * A group loan's entry reversed through the journal would move 1-1300 without the shares'
 * schedules. Its payments are reversed through
 * {@code POST /groups/{groupId}/loans/{groupLoanId}/repayments/{groupRepaymentId}/reversal}.
 */
@ApplicationScoped
public class GroupLoanReversalPolicy implements ReversalPolicy {

    private static final Set<String> OWNED =
            Set.of(GroupLoanService.DISBURSEMENT_REFERENCE_TYPE, GroupRepaymentService.REFERENCE_TYPE);

    @Override
    public void checkReversible(PostedEntry original) {
        if (original.reference() != null && OWNED.contains(original.reference().type())) {
            throw new ApiException(ProblemType.ENTRY_OWNED_BY_OPERATION, "entry #" + original.number()
                    + " belongs to a KUB group loan; reverse a group payment through the group loan's repayment "
                    + "reversal");
        }
    }
}
