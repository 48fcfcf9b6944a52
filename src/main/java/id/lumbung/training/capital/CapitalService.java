package id.lumbung.training.capital;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.ledger.PostingService;
import id.lumbung.loan.Loan;
import id.lumbung.loan.LoanPositions;
import id.lumbung.loan.quality.Grade;
import id.lumbung.loan.quality.LoanGrades;
import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.member.MemberService;
import id.lumbung.member.MemberView;
import id.lumbung.money.Amount;
import id.lumbung.training.ProgrammeService;
import id.lumbung.training.money.AssistanceKind;
import id.lumbung.training.money.AssistanceView;
import id.lumbung.training.trainee.TraineeService;
import id.lumbung.training.trainee.TraineeView;

/**
 * "What capital did this trainee receive, and how is it doing?" as of a day, in a fixed number of
 * statements whatever the number of loans: the trainee, the member, the member's loans, their
 * positions and classes ({@link LoanPositions} and {@link LoanGrades}, the same code the loan views
 * and the portfolio use, so the figures agree with them), the principal repaid, the assistance, and
 * the member's contributions and savings in one statement.
 */
@ApplicationScoped
public class CapitalService {

    private final DataSource dataSource;
    private final TraineeService trainees;
    private final MemberService members;
    private final LoanPositions positions;
    private final LoanGrades grades;
    private final PostingService posting;

    public CapitalService(DataSource dataSource, TraineeService trainees, MemberService members,
            LoanPositions positions, LoanGrades grades, PostingService posting) {
        this.dataSource = dataSource;
        this.trainees = trainees;
        this.members = members;
        this.positions = positions;
        this.grades = grades;
        this.posting = posting;
    }

    @Transactional
    public CapitalView capital(UUID ledId, UUID traineeId, LocalDate asOf, boolean fullNik) {
        LocalDate day = asOf == null ? posting.today(ledId) : asOf;
        TraineeView trainee = trainees.get(ledId, traineeId);
        MemberView member = members.get(ledId, trainee.memberId(), fullNik);
        List<Loan> loans = Loan.list("ledId = ?1 and memberId = ?2 and disbursedOn is not null and disbursedOn <= ?3 "
                + "order by disbursedOn, id", ledId, trainee.memberId(), day);
        Map<UUID, LoanPosition> standing = positions.asOf(ledId, loans, day);
        Map<UUID, Grade> graded = grades.of(ledId, loans, standing, day);
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, BigDecimal> repaid = repaidPrincipal(connection, ledId, loans, day);
            List<CapitalView.Loan> loanViews = new ArrayList<>();
            Amount received = Amount.ZERO;
            Amount repaidTotal = Amount.ZERO;
            Amount outstandingTotal = Amount.ZERO;
            for (Loan loan : loans) {
                LoanPosition position = standing.getOrDefault(loan.id, LoanPositions.NOTHING);
                Grade grade = graded.get(loan.id);
                Amount principal = Amount.of(loan.principal);
                Amount paid = Amount.of(repaid.getOrDefault(loan.id, BigDecimal.ZERO));
                loanViews.add(new CapitalView.Loan(loan.id, loan.status, principal, loan.disbursedOn,
                        loan.disbursedOn.isBefore(trainee.enrolledOn()), loan.grantId, paid,
                        position.outstandingPrincipal(), position.daysPastDue(),
                        grade == null ? null : grade.kolektibilitas()));
                received = received.plus(principal);
                repaidTotal = repaidTotal.plus(paid);
                outstandingTotal = outstandingTotal.plus(position.outstandingPrincipal());
            }
            List<AssistanceView> assistance = assistance(connection, ledId, trainee.memberId(), day);
            for (AssistanceView given : assistance) {
                received = received.plus(given.value());
            }
            Amount[] balances = contributionsAndSavings(connection, ledId, trainee.memberId(), day);
            return new CapitalView(day, trainee, member, loanViews, assistance, balances[0], balances[1],
                    new CapitalView.Totals(received, repaidTotal, outstandingTotal));
        } catch (SQLException e) {
            throw ProgrammeService.failed("reading a trainee's capital", e);
        }
    }

    /** Principal of the repayments standing on {@code day}: paid by then and not reversed by then. */
    private static Map<UUID, BigDecimal> repaidPrincipal(Connection connection, UUID ledId, List<Loan> loans,
            LocalDate day) throws SQLException {
        Map<UUID, BigDecimal> repaid = new HashMap<>();
        if (loans.isEmpty()) {
            return repaid;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT r.loan_id, sum(r.principal) FROM loan_repayment r
                 WHERE r.led_id = ? AND r.loan_id = ANY (?) AND r.paid_on <= ?
                   AND NOT EXISTS (SELECT 1 FROM loan_reversal v
                                    WHERE v.led_id = r.led_id AND v.target_id = r.id AND v.effective_date <= ?)
                 GROUP BY r.loan_id""")) {
            Array ids = connection.createArrayOf("uuid", loans.stream().map(loan -> loan.id).toArray());
            select.setObject(1, ledId);
            select.setArray(2, ids);
            select.setObject(3, day);
            select.setObject(4, day);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    repaid.put(row.getObject(1, UUID.class), row.getBigDecimal(2));
                }
            }
        }
        return repaid;
    }

    private static List<AssistanceView> assistance(Connection connection, UUID ledId, UUID memberId, LocalDate day)
            throws SQLException {
        List<AssistanceView> views = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT a.id, a.trainee_id, a.kind, a.description, a.value, a.given_on, a.grant_id, a.paid_by_led,
                       a.sponsor, a.paid_from, a.entry_id, a.recorded_at, a.recorded_by
                  FROM capital_assistance a
                 WHERE a.led_id = ? AND a.member_id = ? AND a.given_on <= ?
                   AND (a.entry_id IS NULL OR NOT EXISTS (SELECT 1 FROM journal_entry r
                         WHERE r.led_id = a.led_id AND r.reverses_id = a.entry_id AND r.effective_date <= ?))
                 ORDER BY a.given_on, a.id""")) {
            select.setObject(1, ledId);
            select.setObject(2, memberId);
            select.setObject(3, day);
            select.setObject(4, day);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    views.add(new AssistanceView(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                            AssistanceKind.valueOf(row.getString(3)), row.getString(4),
                            Amount.of(row.getBigDecimal(5)), row.getObject(6, LocalDate.class),
                            row.getObject(7, UUID.class), row.getBoolean(8), row.getString(9), row.getString(10),
                            row.getObject(11, UUID.class), row.getObject(12, OffsetDateTime.class).toInstant(),
                            row.getString(13)));
                }
            }
        }
        return views;
    }

    /** The member's standing contributions and savings balance at the end of {@code day}, in one statement. */
    private static Amount[] contributionsAndSavings(Connection connection, UUID ledId, UUID memberId, LocalDate day)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT (SELECT coalesce(sum(c.amount), 0) FROM contribution c
                         WHERE c.led_id = ? AND c.member_id = ? AND c.received_on <= ?
                           AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.led_id = c.led_id
                                            AND r.reverses_id = c.entry_id AND r.effective_date <= ?)),
                       (SELECT coalesce(sum(CASE s.type WHEN 'DEPOSIT' THEN s.amount ELSE -s.amount END), 0)
                          FROM savings_movement s
                         WHERE s.led_id = ? AND s.member_id = ? AND s.effective_date <= ?)""")) {
            select.setObject(1, ledId);
            select.setObject(2, memberId);
            select.setObject(3, day);
            select.setObject(4, day);
            select.setObject(5, ledId);
            select.setObject(6, memberId);
            select.setObject(7, day);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Amount[] {Amount.of(row.getBigDecimal(1)), Amount.of(row.getBigDecimal(2))};
            }
        }
    }
}
