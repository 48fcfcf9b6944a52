package id.lumbung.loan.reschedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which loans are restructured as of a day, for the class rule: a restructured loan keeps the class
 * it had when rescheduled until it has paid {@value #ON_TIME_TO_CURE} installments of its schedule
 * version in force on time — principal and interest fully paid, by standing repayments, on or
 * before the installment's due date. One query for any number of loans, never one per loan.
 */
@ApplicationScoped
public class RestructuredLoans {

    /** Installments of the new version paid on time after which a restructured loan is classed as any other. */
    public static final int ON_TIME_TO_CURE = 3;

    /**
     * A loan rescheduled on or before the day: the version in force, the measures stored when it was
     * rescheduled (days past due and missed installments on {@code rescheduledOn}, which fix the class it
     * keeps), and how many of that version's installments were paid on time by the day.
     */
    public record Restructured(UUID loanId, int version, LocalDate rescheduledOn, int daysPastDueAtReschedule,
            int missedInstallmentsAtReschedule, int installmentsPaidOnTime) {

        /** Whether the loan still keeps the class of its reschedule day. */
        public boolean keepsClass() {
            return installmentsPaidOnTime < ON_TIME_TO_CURE;
        }
    }

    private static final String QUERY = """
            WITH v AS (
                SELECT DISTINCT ON (sv.loan_id) sv.led_id, sv.loan_id, sv.version, sv.starts_on, sv.days_past_due,
                       sv.missed_installments, sv.repayments_before,
                       (SELECT min(n.repayments_before) FROM loan_schedule_version n
                         WHERE n.led_id = sv.led_id AND n.loan_id = sv.loan_id AND n.version > sv.version)
                           AS repayments_until
                  FROM loan_schedule_version sv
                 WHERE sv.led_id = ? AND (? OR sv.loan_id = ANY (?)) AND sv.starts_on <= ?
                 ORDER BY sv.loan_id, sv.version DESC
            ), installment AS (
                SELECT v.loan_id, i.number, i.due_on, i.principal + i.interest AS owed
                  FROM v JOIN loan lo ON lo.led_id = v.led_id AND lo.id = v.loan_id AND lo.schedule_version = v.version
                  JOIN loan_installment i ON i.led_id = lo.led_id AND i.loan_id = lo.id
                UNION ALL
                SELECT v.loan_id, s.number, s.due_on, s.principal + s.interest
                  FROM v JOIN loan lo ON lo.led_id = v.led_id AND lo.id = v.loan_id AND lo.schedule_version <> v.version
                  JOIN loan_schedule_installment s
                    ON s.led_id = lo.led_id AND s.loan_id = lo.id AND s.version = v.version
            )
            SELECT v.loan_id, v.version, v.starts_on, v.days_past_due, v.missed_installments,
                   count(i.number) FILTER (WHERE i.due_on <= ? AND i.owed <= (
                       SELECT coalesce(sum(l.principal + l.interest), 0)
                         FROM loan_repayment r
                         JOIN loan_repayment_line l ON l.led_id = r.led_id AND l.repayment_id = r.id
                        WHERE r.led_id = v.led_id AND r.loan_id = v.loan_id AND l.number = i.number
                          AND r.seq > v.repayments_before
                          AND (v.repayments_until IS NULL OR r.seq <= v.repayments_until)
                          AND r.paid_on <= i.due_on
                          AND NOT EXISTS (SELECT 1 FROM loan_reversal x
                                           WHERE x.led_id = r.led_id AND x.target_id = r.id
                                             AND x.effective_date <= ?))) AS on_time
              FROM v LEFT JOIN installment i ON i.loan_id = v.loan_id
             GROUP BY 1, 2, 3, 4, 5""";

    private final DataSource dataSource;

    public RestructuredLoans(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The LED's loans rescheduled on or before {@code asOf}, by loan id. */
    public Map<UUID, Restructured> asOf(UUID ledId, LocalDate asOf) {
        return query(ledId, null, asOf);
    }

    /** Those of {@code loanIds} rescheduled on or before {@code asOf}, by loan id; the others are absent. */
    public Map<UUID, Restructured> asOf(UUID ledId, Collection<UUID> loanIds, LocalDate asOf) {
        return loanIds.isEmpty() ? Map.of() : query(ledId, loanIds.toArray(UUID[]::new), asOf);
    }

    private Map<UUID, Restructured> query(UUID ledId, UUID[] loanIds, LocalDate asOf) {
        Map<UUID, Restructured> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(QUERY)) {
            select.setObject(1, ledId);
            select.setBoolean(2, loanIds == null);
            select.setArray(3, connection.createArrayOf("uuid", loanIds == null ? new UUID[0] : loanIds));
            select.setObject(4, asOf);
            select.setObject(5, asOf);
            select.setObject(6, asOf);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID loan = row.getObject(1, UUID.class);
                    found.put(loan, new Restructured(loan, row.getInt(2), row.getObject(3, LocalDate.class),
                            row.getInt(4), row.getInt(5), row.getInt(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading restructured loans as of " + asOf + " failed: SQL state "
                    + e.getSQLState(), e);
        }
        return found;
    }
}
