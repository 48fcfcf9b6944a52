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
 * paid (early or late). Installments due after a loan's write-off are not counted: the loan left
 * the portfolio. Penalty is neither due nor collected here: the rate measures the schedule.
 */
final class RepaymentRateQuery {

    /** What fell due in the window and what was collected on it. */
    record Sums(BigDecimal due, BigDecimal collected) {
    }

    private static final String SQL = """
            WITH paid AS (
                SELECT r.loan_id, line.number, sum(line.principal + line.interest) AS amount
                  FROM loan_repayment r
                  JOIN loan_repayment_line line ON line.led_id = r.led_id AND line.repayment_id = r.id
                 WHERE r.led_id = ? AND r.paid_on <= ?
                   AND NOT EXISTS (SELECT 1 FROM loan_reversal v
                                    WHERE v.led_id = r.led_id AND v.target_id = r.id AND v.effective_date <= ?)
                 GROUP BY r.loan_id, line.number)
            SELECT coalesce(sum(i.principal + i.interest), 0), coalesce(sum(paid.amount), 0)
              FROM loan_installment i
              JOIN loan l ON l.led_id = i.led_id AND l.id = i.loan_id
              LEFT JOIN paid ON paid.loan_id = i.loan_id AND paid.number = i.number
             WHERE i.led_id = ? AND i.due_on <= ? AND (CAST(? AS date) IS NULL OR i.due_on >= ?)
               AND l.disbursement_id IS NOT NULL
               AND (l.written_off_on IS NULL OR i.due_on <= l.written_off_on)""";

    private RepaymentRateQuery() {
    }

    static Sums sums(Connection connection, UUID ledId, LocalDate from, LocalDate asOf) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SQL)) {
            select.setObject(1, ledId);
            select.setObject(2, asOf);
            select.setObject(3, asOf);
            select.setObject(4, ledId);
            select.setObject(5, asOf);
            select.setObject(6, from, Types.DATE);
            select.setObject(7, from, Types.DATE);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Sums(row.getBigDecimal(1), row.getBigDecimal(2));
            }
        }
    }
}
