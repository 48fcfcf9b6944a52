package id.lumbung.loan.portfolio;

import java.util.UUID;

import id.lumbung.loan.quality.Grade;
import id.lumbung.loan.repayment.LoanPosition;

/** One loan in the portfolio on the report's day: who and what it is, where it stands, its class. */
record PortfolioLoan(UUID loanId, UUID memberId, UUID groupId, UUID productId, LoanPosition position, Grade grade) {

    int daysPastDue() {
        return position.daysPastDue();
    }
}
