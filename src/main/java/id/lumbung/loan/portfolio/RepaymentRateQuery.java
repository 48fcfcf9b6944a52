package id.lumbung.loan.portfolio;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The repayment rate's two sums in one set-based statement: the principal and interest of every
 * installment that fell due in the window (from {@code from}, or the loan's start, to {@code asOf}),
 * and what the repayments standing on {@code asOf} paid of exactly those installments, whenever
 * paid (early or late), each in the schedule version it fell due in. Installments due after a
 * loan's write-off are not counted: the loan left the portfolio. Penalty is neither due nor
 * collected here: the rate measures the schedule.
 */
final class RepaymentRateQuery {

    /** What fell due in the window and what was collected on it. */
    record Sums(BigDecimal due, BigDecimal collected) {
    }

    /*
     * A rescheduled loan has several schedule versions: the current one in loan_installment, the
     * superseded ones frozen in loan_schedule_installment. An installment of a superseded version
     * fell due only if its due date came before the next version took over; a repayment paid the
     * installments of the version it was allocated against (the latest whose repayments_before is
     * below its seq, as LoanPositions reads it), so lines match on version and number together.
     * What a line paid is capped at what its installment owed (see LoanPositions.Paid).
     */
    private static final String SQL = """
            WITH paid AS (
                SELECT r.loan_id,
                       1 + (SELECT count(*) FROM loan_schedule_version sv
                             WHERE sv.led_id = r.led_id AND sv.loan_id = r.loan_id
                               AND sv.repayments_before < r.seq) AS version,
                       line.number, sum(line.principal + line.interest) AS amount
                  FROM loan_repayment r
                  JOIN loan_repayment_line line ON line.led_id = r.led_id AND line.repayment_id = r.id
                 WHERE r.led_id = ? AND r.paid_on <= ?
                   AND NOT EXISTS (SELECT 1 FROM loan_reversal v
                                    WHERE v.led_id = r.led_id AND v.target_id = r.id AND v.effective_date <= ?)
                 GROUP BY 1, 2, 3),
            fell_due AS (
                SELECT i.led_id, i.loan_id, l.schedule_version AS version, i.number, i.due_on,
                       i.principal + i.interest AS owed
                  FROM loan_installment i
                  JOIN loan l ON l.led_id = i.led_id AND l.id = i.loan_id
                 WHERE i.led_id = ?
                UNION ALL
                SELECT s.led_id, s.loan_id, s.version, s.number, s.due_on, s.principal + s.interest
                  FROM loan_schedule_installment s
                  JOIN loan_schedule_version next
                    ON next.led_id = s.led_id AND next.loan_id = s.loan_id AND next.version = s.version + 1
                 WHERE s.led_id = ? AND s.due_on < next.starts_on)
            SELECT coalesce(sum(d.owed), 0), coalesce(sum(least(coalesce(paid.amount, 0), d.owed)), 0)
              FROM fell_due d
              JOIN loan l ON l.led_id = d.led_id AND l.id = d.loan_id
              LEFT JOIN paid ON paid.loan_id = d.loan_id AND paid.version = d.version AND paid.number = d.number
             WHERE d.due_on <= ? AND (CAST(? AS date) IS NULL OR d.due_on >= ?)
               AND l.disbursement_id IS NOT NULL
               AND (l.written_off_on IS NULL OR d.due_on <= l.written_off_on)""";

    private RepaymentRateQuery() {
    }

    static Sums sums(Connection connection, UUID ledId, LocalDate from, LocalDate asOf) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SQL)) {
            select.setObject(1, ledId);
            select.setObject(2, asOf);
            select.setObject(3, asOf);
            select.setObject(4, ledId);
            select.setObject(5, ledId);
            select.setObject(6, asOf);
            select.setObject(7, from, Types.DATE);
            select.setObject(8, from, Types.DATE);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Sums(row.getBigDecimal(1), row.getBigDecimal(2));
            }
        }
    }
}
