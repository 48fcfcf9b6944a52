package id.lumbung.loan.quality;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.ReversalPolicy;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;

/**
 * A provision entry reversed through the journal would move 1-1310 away from what its provisioning
 * run recorded. The allowance is corrected by provisioning again: the next run as of a day brings
 * 1-1310 to what the portfolio needs then, in either direction.
 */
@ApplicationScoped
public class ProvisionReversalPolicy implements ReversalPolicy {

    @Override
    public void checkReversible(PostedEntry original) {
        if (original.reference() != null && ProvisionService.REFERENCE_TYPE.equals(original.reference().type())) {
            throw new ApiException(ProblemType.ENTRY_OWNED_BY_OPERATION, "entry #" + original.number()
                    + " is a loan-loss provision; provision again (POST /provisions) to bring the allowance to what "
                    + "the portfolio needs");
        }
    }
}
