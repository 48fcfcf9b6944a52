package id.lumbung.ledger;

import java.util.List;
import java.util.Set;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;

/**
 * Accounts whose balance is the sum of a sub-ledger: loans receivable (the loans' outstanding
 * principal), the loan-loss allowance (the provisions booked) and member savings (the members'
 * passbooks). Only their own operations post to them; a manual adjustment or an opening balance
 * that named one would move the control account without its sub-ledger, and the two would no
 * longer reconcile. Running loans and savings come in through their own imports instead.
 */
public final class ControlAccounts {

    /** One line of a request that names an account: {@code where} is the field, e.g. {@code postings[1].account}. */
    public record Named(String where, String account) {
    }

    private ControlAccounts() {
    }

    /**
     * 422 {@code control-account} naming every line that posts to a control account
     * ({@link SystemAccounts#controlCodes}: the LED's codes of {@link SystemAccounts#CONTROL}).
     */
    public static void refuse(Set<String> controlCodes, List<Named> lines) {
        List<Problem.FieldError> refused = lines.stream().filter(line -> controlCodes.contains(line.account()))
                .map(line -> new Problem.FieldError(line.where(), line.account()
                        + " is a control account; it moves only through its own operations (loans, savings)"))
                .toList();
        if (!refused.isEmpty()) {
            throw ApiException.ofFields(ProblemType.CONTROL_ACCOUNT, refused, "lines post to control accounts");
        }
    }
}
