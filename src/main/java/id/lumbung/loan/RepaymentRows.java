package id.lumbung.loan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import id.lumbung.loan.repayment.AllocationLine;
import id.lumbung.loan.repayment.AllocationOrder;
import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.money.Amount;

/**
 * The repayment path's rows in plain JDBC, as the savings sub-ledger writes its own: the busiest
 * write of the service, where an ORM session's loading, dirty checking and flushing cost more CPU
 * than the statements themselves (docs/benchmarks.md). One statement locks the loan and reads its
 * member's name, one reads the installments; the changed installments go as one batch, the loan
 * as one update, the repayment with its lines as one insert and one batch.
 */
final class RepaymentRows {

    /** A loan row as locked for a repayment, detached from any ORM session, and its member's name. */
    record Locked(Loan loan, String memberName) {
    }

    private static final String LOCK = """
            SELECT l.id, l.member_id, l.product_id, l.group_id, l.group_loan_id, l.grant_id, l.purpose, l.principal,
                   l.installments, l.interest_rate, l.status, l.applied_at, l.applied_by, l.decided_at, l.decided_by,
                   l.decision_note,
                   l.disbursement_id, l.disbursed_on, l.rounding_step, l.rounding_mode, l.allocation_order,
                   l.outstanding_principal, l.repayment_count, l.latest_event_on, l.closed_on, l.updated_at,
                   l.schedule_version, l.rescheduled_on, l.carried_interest, m.name
              FROM loan l JOIN member m ON m.led_id = l.led_id AND m.id = l.member_id
             WHERE l.led_id = ? AND l.id = ?
               FOR UPDATE OF l""";

    private RepaymentRows() {
    }

    /** The loan locked (racing repayments of one loan queue here), or null when the LED has none. */
    static Locked lock(Connection connection, UUID ledId, UUID loanId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setObject(1, ledId);
            select.setObject(2, loanId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Loan loan = new Loan();
                loan.ledId = ledId;
                loan.id = row.getObject("id", UUID.class);
                loan.memberId = row.getObject("member_id", UUID.class);
                loan.productId = row.getObject("product_id", UUID.class);
                loan.groupId = row.getObject("group_id", UUID.class);
                loan.groupLoanId = row.getObject("group_loan_id", UUID.class);
                loan.grantId = row.getObject("grant_id", UUID.class);
                loan.purpose = row.getString("purpose");
                loan.principal = row.getBigDecimal("principal");
                loan.installments = row.getInt("installments");
                loan.interestRate = row.getBigDecimal("interest_rate");
                loan.status = LoanStatus.valueOf(row.getString("status"));
                loan.appliedAt = instant(row, "applied_at");
                loan.appliedBy = row.getString("applied_by");
                loan.decidedAt = instant(row, "decided_at");
                loan.decidedBy = row.getString("decided_by");
                loan.decisionNote = row.getString("decision_note");
                loan.disbursementId = row.getObject("disbursement_id", UUID.class);
                loan.disbursedOn = row.getObject("disbursed_on", LocalDate.class);
                loan.roundingStep = row.getBigDecimal("rounding_step");
                loan.roundingMode = row.getString("rounding_mode");
                String order = row.getString("allocation_order");
                loan.allocationOrder = order == null ? null : AllocationOrder.valueOf(order);
                loan.outstandingPrincipal = row.getBigDecimal("outstanding_principal");
                loan.repaymentCount = row.getInt("repayment_count");
                loan.latestEventOn = row.getObject("latest_event_on", LocalDate.class);
                loan.closedOn = row.getObject("closed_on", LocalDate.class);
                loan.updatedAt = instant(row, "updated_at");
                loan.scheduleVersion = row.getInt("schedule_version");
                loan.rescheduledOn = row.getObject("rescheduled_on", LocalDate.class);
                loan.carriedInterest = row.getBigDecimal("carried_interest");
                return new Locked(loan, row.getString("name"));
            }
        }
    }

    /** An installment's state as {@link #installment} reads it. */
    static final String INSTALLMENT_COLUMNS = "number, due_on, principal, interest, paid_principal, paid_interest, "
            + "penalty_charged, paid_penalty, penalty_through";

    static List<InstallmentState> installments(Connection connection, UUID ledId, UUID loanId) throws SQLException {
        List<InstallmentState> states = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + INSTALLMENT_COLUMNS
                + " FROM loan_installment WHERE led_id = ? AND loan_id = ? ORDER BY number")) {
            select.setObject(1, ledId);
            select.setObject(2, loanId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    states.add(installment(row, 1));
                }
            }
        }
        return states;
    }

    /** The columns listed in {@link #INSTALLMENT_COLUMNS}, from {@code first} on, as an installment's state. */
    static InstallmentState installment(ResultSet row, int first) throws SQLException {
        return new InstallmentState(row.getInt(first), row.getObject(first + 1, LocalDate.class),
                Amount.of(row.getBigDecimal(first + 2)), Amount.of(row.getBigDecimal(first + 3)),
                Amount.of(row.getBigDecimal(first + 4)), Amount.of(row.getBigDecimal(first + 5)),
                Amount.of(row.getBigDecimal(first + 6)), Amount.of(row.getBigDecimal(first + 7)),
                row.getObject(first + 8, LocalDate.class));
    }

    /** The installments as a repayment leaves them (or as its reversal restores them), one batch. */
    static void updateInstallments(Connection connection, UUID ledId, UUID loanId, List<InstallmentState> states)
            throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE loan_installment SET principal = ?, interest = ?, paid_principal = ?, paid_interest = ?,
                       penalty_charged = ?, paid_penalty = ?, penalty_through = ?
                 WHERE led_id = ? AND loan_id = ? AND number = ?""")) {
            for (InstallmentState s : states) {
                update.setBigDecimal(1, s.principal().value());
                update.setBigDecimal(2, s.interest().value());
                update.setBigDecimal(3, s.paidPrincipal().value());
                update.setBigDecimal(4, s.paidInterest().value());
                update.setBigDecimal(5, s.penaltyCharged().value());
                update.setBigDecimal(6, s.paidPenalty().value());
                update.setObject(7, s.penaltyThrough(), Types.DATE);
                update.setObject(8, ledId);
                update.setObject(9, loanId);
                update.setInt(10, s.number());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The loan's kept state after a repayment: status, outstanding principal, count and dates. */
    static void updateLoan(Connection connection, Loan loan) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE loan SET status = ?, outstanding_principal = ?, repayment_count = ?, latest_event_on = ?,
                       closed_on = ?, updated_at = ?
                 WHERE led_id = ? AND id = ?""")) {
            update.setString(1, loan.status.name());
            update.setBigDecimal(2, loan.outstandingPrincipal);
            update.setInt(3, loan.repaymentCount);
            update.setObject(4, loan.latestEventOn, Types.DATE);
            update.setObject(5, loan.closedOn, Types.DATE);
            update.setObject(6, OffsetDateTime.ofInstant(loan.updatedAt, ZoneOffset.UTC));
            update.setObject(7, loan.ledId);
            update.setObject(8, loan.id);
            update.executeUpdate();
        }
    }

    /** The repayment and what it paid of each installment. */
    static void insert(Connection connection, LoanRepayment r, List<AllocationLine> lines) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO loan_repayment (led_id, id, loan_id, seq, amount, paid_on, account, penalty, interest,
                    principal, installments_before, entry_id, recorded_at, recorded_by, group_repayment_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")) {
            int p = 1;
            insert.setObject(p++, r.ledId);
            insert.setObject(p++, r.id);
            insert.setObject(p++, r.loanId);
            insert.setInt(p++, r.seq);
            insert.setBigDecimal(p++, r.amount);
            insert.setObject(p++, r.paidOn);
            insert.setString(p++, r.account);
            insert.setBigDecimal(p++, r.penalty);
            insert.setBigDecimal(p++, r.interest);
            insert.setBigDecimal(p++, r.principal);
            insert.setString(p++, r.installmentsBefore);
            insert.setObject(p++, r.entryId);
            insert.setObject(p++, OffsetDateTime.ofInstant(r.recordedAt, ZoneOffset.UTC));
            insert.setString(p++, r.recordedBy);
            insert.setObject(p, r.groupRepaymentId);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO loan_repayment_line (led_id, repayment_id, number, penalty_accrued, penalty, interest,
                    principal) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (AllocationLine line : lines) {
                insert.setObject(1, r.ledId);
                insert.setObject(2, r.id);
                insert.setInt(3, line.number());
                insert.setBigDecimal(4, line.penaltyAccrued().value());
                insert.setBigDecimal(5, line.penalty().value());
                insert.setBigDecimal(6, line.interest().value());
                insert.setBigDecimal(7, line.principal().value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static java.time.Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
