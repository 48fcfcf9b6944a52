package id.lumbung.training.indicator;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import id.lumbung.training.Segment;

/**
 * The rows a programme's indicators are computed from, each kind in one statement whatever the number
 * of trainees, for what happened by a day or, with a first day ({@code from}, null for none), between
 * the two (a quarter's activity: its trainees are those enrolled by its end and not gone before it):
 * the trainees with their attendance, feedback and earliest and latest outcome, the evaluations,
 * the modules, the assistance, the groups named in outcomes, the members who were ever
 * trainees, and the schedule facts of a set of loans. Each reads a set of LEDs and programmes (one of
 * each for a programme, all of a district's for the district's indicators) in the same one statement.
 */
final class IndicatorRows {

    private IndicatorRows() {
    }

    /** An outcome as the indicators read it. */
    record Outcome(BigDecimal monthlyIncome, boolean employed, boolean businessStarted) {
    }

    /**
     * A trainee enrolled by the day: exits only when dated by then; sessions held from enrolment to the
     * exit (or the day) and how many of them the trainee attended; feedback count and sum.
     */
    record Trainee(UUID id, UUID ledId, UUID memberId, Segment segment, String gender, LocalDate enrolledOn,
            LocalDate completedOn, LocalDate withdrawnOn, int sessionsHeld, int sessionsAttended, int feedbackCount,
            int feedbackSum, Outcome baseline, Outcome now) {
    }

    record Evaluation(UUID traineeId, String moduleCode, int score) {
    }

    record Module(UUID ledId, String code, String title) {
    }

    /** What was given to a trainee by the day (standing), and when first. */
    record Assistance(BigDecimal value, LocalDate firstGivenOn) {
    }

    /** Of a loan's current schedule: whether its last installment is due by the day, and all were paid on time. */
    record Schedule(boolean matured, boolean paidOnTime) {
    }

    static List<Trainee> trainees(Connection connection, Collection<UUID> ledIds,
            Collection<UUID> programmeIds, LocalDate from, LocalDate day) throws SQLException {
        String outcome = "SELECT o.monthly_income, o.employed, o.business_started FROM training_outcome o"
                + " WHERE o.led_id = t.led_id AND o.trainee_id = t.id AND o.recorded_on BETWEEN p.f AND p.d ORDER BY ";
        List<Trainee> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                WITH p (f, d) AS (VALUES (coalesce(?::date, '-infinity'), ?::date))
                SELECT t.id, t.led_id, t.member_id, t.segment, t.gender, t.enrolled_on,
                       CASE WHEN t.completed_on BETWEEN p.f AND p.d THEN t.completed_on END,
                       CASE WHEN t.withdrawn_on BETWEEN p.f AND p.d THEN t.withdrawn_on END,
                       s.held, s.attended, f.n, f.total,
                       b.monthly_income, b.employed, b.business_started,
                       n.monthly_income, n.employed, n.business_started
                  FROM trainee t CROSS JOIN p
                 CROSS JOIN LATERAL (
                       SELECT count(*) AS held, count(a.trainee_id) AS attended
                         FROM training_session s
                         LEFT JOIN training_attendance a
                           ON a.led_id = s.led_id AND a.session_id = s.id AND a.trainee_id = t.id
                        WHERE s.led_id = t.led_id AND s.programme_id = t.programme_id AND s.held_on >= t.enrolled_on
                          AND s.held_on >= p.f
                          AND s.held_on <= least(p.d, coalesce(t.completed_on, t.withdrawn_on, p.d))) s
                 CROSS JOIN LATERAL (
                       SELECT count(*) AS n, coalesce(sum(r.rating), 0) AS total FROM training_feedback r
                        WHERE r.led_id = t.led_id AND r.trainee_id = t.id AND r.given_on BETWEEN p.f AND p.d) f
                  LEFT JOIN LATERAL (%1$s o.recorded_on, o.recorded_at LIMIT 1) b ON true
                  LEFT JOIN LATERAL (%1$s o.recorded_on DESC, o.recorded_at DESC LIMIT 1) n ON true
                 WHERE t.led_id = ANY (?) AND t.programme_id = ANY (?) AND t.enrolled_on <= p.d
                   AND coalesce(t.completed_on, t.withdrawn_on, p.d) >= p.f""".formatted(outcome))) {
            select.setObject(1, from);
            select.setObject(2, day);
            select.setArray(3, uuids(connection, ledIds));
            select.setArray(4, uuids(connection, programmeIds));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Trainee(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                            row.getObject(3, UUID.class), Segment.valueOf(row.getString(4)), row.getString(5),
                            row.getObject(6, LocalDate.class), row.getObject(7, LocalDate.class),
                            row.getObject(8, LocalDate.class), row.getInt(9), row.getInt(10), row.getInt(11),
                            row.getInt(12), outcome(row, 13), outcome(row, 16)));
                }
            }
        }
        return rows;
    }

    private static Outcome outcome(ResultSet row, int column) throws SQLException {
        BigDecimal income = row.getBigDecimal(column);
        return income == null ? null
                : new Outcome(income, row.getBoolean(column + 1), row.getBoolean(column + 2));
    }

    /** The programmes' modules, each programme's in its order (programmes in the order of their ids). */
    static List<Module> modules(Connection connection, Collection<UUID> ledIds, Collection<UUID> programmeIds)
            throws SQLException {
        List<Module> modules = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT led_id, code, title FROM training_module"
                + " WHERE led_id = ANY (?) AND programme_id = ANY (?) ORDER BY programme_id, position")) {
            select.setArray(1, uuids(connection, ledIds));
            select.setArray(2, uuids(connection, programmeIds));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    modules.add(new Module(row.getObject(1, UUID.class), row.getString(2), row.getString(3)));
                }
            }
        }
        return modules;
    }

    /** Evaluations made by the day of trainees enrolled by then. */
    static List<Evaluation> evaluations(Connection connection, Collection<UUID> ledIds,
            Collection<UUID> programmeIds, LocalDate from, LocalDate day) throws SQLException {
        List<Evaluation> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT e.trainee_id, e.module_code, e.score FROM training_evaluation e
                  JOIN trainee t ON t.led_id = e.led_id AND t.id = e.trainee_id
                 WHERE e.led_id = ANY (?) AND e.programme_id = ANY (?) AND e.evaluated_on <= ? AND t.enrolled_on <= ?
                   AND e.evaluated_on >= coalesce(?::date, '-infinity')""")) {
            select.setArray(1, uuids(connection, ledIds));
            select.setArray(2, uuids(connection, programmeIds));
            select.setObject(3, day);
            select.setObject(4, day);
            select.setObject(5, from);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Evaluation(row.getObject(1, UUID.class), row.getString(2), row.getInt(3)));
                }
            }
        }
        return rows;
    }

    /** Assistance given by the day to each trainee of the programme, an LED-paid one while its entry stands. */
    static Map<UUID, Assistance> assistance(Connection connection, Collection<UUID> ledIds,
            Collection<UUID> programmeIds, LocalDate from, LocalDate day) throws SQLException {
        Map<UUID, Assistance> given = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT a.trainee_id, sum(a.value), min(a.given_on) FROM capital_assistance a
                  JOIN trainee t ON t.led_id = a.led_id AND t.id = a.trainee_id
                 WHERE a.led_id = ANY (?) AND t.programme_id = ANY (?) AND a.given_on <= ?
                   AND a.given_on >= coalesce(?::date, '-infinity')
                   AND (a.entry_id IS NULL OR NOT EXISTS (SELECT 1 FROM journal_entry r
                         WHERE r.led_id = a.led_id AND r.reverses_id = a.entry_id AND r.effective_date <= ?))
                 GROUP BY a.trainee_id""")) {
            select.setArray(1, uuids(connection, ledIds));
            select.setArray(2, uuids(connection, programmeIds));
            select.setObject(3, day);
            select.setObject(4, from);
            select.setObject(5, day);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    given.put(row.getObject(1, UUID.class),
                            new Assistance(row.getBigDecimal(2), row.getObject(3, LocalDate.class)));
                }
            }
        }
        return given;
    }

    /** The KUB groups each trainee's outcomes recorded by the day name. */
    static Map<UUID, Set<UUID>> groups(Connection connection, Collection<UUID> ledIds,
            Collection<UUID> programmeIds, LocalDate from, LocalDate day) throws SQLException {
        Map<UUID, Set<UUID>> groups = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT DISTINCT o.trainee_id, o.joined_group_id FROM training_outcome o
                  JOIN trainee t ON t.led_id = o.led_id AND t.id = o.trainee_id
                 WHERE o.led_id = ANY (?) AND t.programme_id = ANY (?) AND o.recorded_on <= ?
                   AND o.joined_group_id IS NOT NULL
                   AND o.recorded_on >= coalesce(?::date, '-infinity')""")) {
            select.setArray(1, uuids(connection, ledIds));
            select.setArray(2, uuids(connection, programmeIds));
            select.setObject(3, day);
            select.setObject(4, from);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    groups.computeIfAbsent(row.getObject(1, UUID.class), id -> new HashSet<>())
                            .add(row.getObject(2, UUID.class));
                }
            }
        }
        return groups;
    }

    /** Members enrolled in any programme of the LED by the day. */
    static Set<UUID> everTrainees(Connection connection, Collection<UUID> ledIds, LocalDate day) throws SQLException {
        Set<UUID> members = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT member_id FROM trainee WHERE led_id = ANY (?) AND enrolled_on <= ?")) {
            select.setArray(1, uuids(connection, ledIds));
            select.setObject(2, day);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    members.add(row.getObject(1, UUID.class));
                }
            }
        }
        return members;
    }

    /**
     * For each loan: is its last installment due by the day, and was every installment paid in full
     * (principal and interest) by repayments dated on or before its due date that stand on the day?
     * Read on the loan's current schedule; a rescheduled loan did not keep its schedule, the caller's
     * rule.
     */
    static Map<UUID, Schedule> schedules(Connection connection, Collection<UUID> ledIds, Collection<UUID> loans,
            LocalDate day)
            throws SQLException {
        Map<UUID, Schedule> schedules = new HashMap<>();
        if (loans.isEmpty()) {
            return schedules;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                WITH p (d) AS (VALUES (?::date))
                SELECT i.loan_id, max(i.due_on) <= min(p.d),
                       bool_and(coalesce(paid.amount, 0) >= i.principal + i.interest)
                  FROM loan_installment i CROSS JOIN p
                  LEFT JOIN LATERAL (
                       SELECT sum(l.principal + l.interest) AS amount FROM loan_repayment r
                         JOIN loan_repayment_line l ON l.led_id = r.led_id AND l.repayment_id = r.id
                        WHERE r.led_id = i.led_id AND r.loan_id = i.loan_id AND l.number = i.number
                          AND r.paid_on <= i.due_on AND r.paid_on <= p.d
                          AND NOT EXISTS (SELECT 1 FROM loan_reversal v WHERE v.led_id = r.led_id
                                           AND v.target_id = r.id AND v.effective_date <= p.d)) paid ON true
                 WHERE i.led_id = ANY (?) AND i.loan_id = ANY (?)
                 GROUP BY i.loan_id""")) {
            select.setObject(1, day);
            select.setArray(2, uuids(connection, ledIds));
            select.setArray(3, connection.createArrayOf("uuid", loans.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    schedules.put(row.getObject(1, UUID.class), new Schedule(row.getBoolean(2), row.getBoolean(3)));
                }
            }
        }
        return schedules;
    }

    private static java.sql.Array uuids(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }
}
