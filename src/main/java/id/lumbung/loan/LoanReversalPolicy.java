package id.lumbung.loan;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.ReversalPolicy;
import id.lumbung.loan.writeoff.RecoveryService;
import id.lumbung.loan.writeoff.WriteOffService;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;

/**
 * A loan entry reversed through the journal would move 1-1300 without the loan's schedule, and the
 * loans' outstanding principal would no longer add up to the control account. Loans correct their
 * own entries: {@code POST /loans/{loanId}/disbursement/reversal} and
 * {@code POST /loans/{loanId}/repayments/{repaymentId}/reversal}.
 */
@ApplicationScoped
public class LoanReversalPolicy implements ReversalPolicy {

    private static final Set<String> OWNED =
            Set.of(DisbursementService.REFERENCE_TYPE, RepaymentService.REFERENCE_TYPE,
                    WriteOffService.REFERENCE_TYPE, RecoveryService.REFERENCE_TYPE);

    @Override
    public void checkReversible(PostedEntry original) {
        if (original.reference() != null && OWNED.contains(original.reference().type())) {
            throw new ApiException(ProblemType.ENTRY_OWNED_BY_OPERATION, "entry #" + original.number()
                    + " belongs to a loan; a disbursement or a repayment is reversed through the loan's own reversal, "
                    + "and a write-off or a recovery stands");
        }
    }
}
