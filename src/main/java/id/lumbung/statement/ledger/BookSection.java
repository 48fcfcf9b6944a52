package id.lumbung.statement.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a book shows over a range, before it is signed for its account: debit-positive opening and
 * closing balances, the postings with their counter-accounts and the running balance after each,
 * and the cursor of the next page (null on the last page, and when the whole range is printed).
 */
record BookSection(BigDecimal opening, List<Line> lines, BigDecimal closing, String next) {

    /** A posting as the book prints it. */
    record Line(BookPosting posting, List<CounterAccount> counterAccounts, BigDecimal runningNet) {
    }
}
