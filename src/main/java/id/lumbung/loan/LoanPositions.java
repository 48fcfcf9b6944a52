package id.lumbung.loan;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.loan.product.ProductTermsCatalog;
import id.lumbung.loan.repayment.Allocator;
import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.money.Amount;

/**
 * Where loans stand as of a day, for any number of loans in a fixed number of queries (never one
 * per loan). A day on or after everything dated on a loan reads its kept current state. An
 * earlier day rebuilds the state from dated rows: each repayment's allocation counts from its
 * {@code paidOn} until the date of its reversal, each disbursement from its date until the date of
 * its reversal, so that account 1-1300 as of any day equals the loans' outstanding principal as of
 * that day. A rescheduled loan is rebuilt on the schedule version in force that day (the latest whose
 * reschedule is dated on or before it) with the repayments allocated against that version; the
 * outstanding principal counts every standing repayment whatever its version, as 1-1300 does.
 *
 * <p>One approximation, disclosed: a rebuilt day uses the installments' current due amounts. They
 * differ from the amounts due on that day only where a later prepayment recomputed (declining
 * balance) or waived (flat) the interest of installments that fall due after the prepayment.
 */
@ApplicationScoped
public class LoanPositions {

    /** Nothing lent (yet, or any more). */
    public static final LoanPosition NOTHING = new LoanPosition(Amount.ZERO, Amount.ZERO, Amount.ZERO, 0, 0,
            Amount.ZERO, null, null);

    /*
     * What a kept loan's position needs of its installments, read in SQL rather than in Java: a
     * settled installment adds nothing to what is due, in arrears or owed as penalty, and after the
     * next one due nothing counts but the principal, which the loan row keeps (outstanding_principal,
     * moved by every repayment, reversal and write-off in the same transaction). So only the unsettled
     * installments due by the day and the first unsettled one after it leave PostgreSQL: a portfolio
     * of 10,000 loans of 50 installments reads its arrears, not its half a million rows (see
     * docs/benchmarks.md). Allocator.position then computes on them exactly as on the whole schedule.
     */
    private static final String UNSETTLED = "(%1$s.paid_principal < %1$s.principal"
            + " OR %1$s.paid_interest < %1$s.interest OR %1$s.paid_penalty < %1$s.penalty_charged)";

    private static final String OPEN_INSTALLMENTS = "SELECT o.loan_id, " + columns("o") + " FROM loan_installment o"
            + " WHERE o.led_id = ANY (?) AND o.loan_id = ANY (?) AND o.due_on <= ? AND " + UNSETTLED.formatted("o")
            + " UNION ALL SELECT k.id, n.* FROM unnest(?::uuid[]) AS k (id) CROSS JOIN LATERAL (SELECT "
            + columns("x") + " FROM loan_installment x WHERE x.led_id = ANY (?) AND x.loan_id = k.id"
            + " AND x.due_on > ? AND "
            + UNSETTLED.formatted("x") + " ORDER BY x.due_on, x.number LIMIT 1) n";

    private final DataSource dataSource;
    private final ProductTermsCatalog products;

    public LoanPositions(DataSource dataSource, ProductTermsCatalog products) {
        this.dataSource = dataSource;
        this.products = products;
    }

    /** The position of each loan as of {@code asOf}, by loan id. */
    public Map<UUID, LoanPosition> asOf(UUID ledId, Collection<Loan> loans, LocalDate asOf) {
        return asOf(List.of(ledId), loans, asOf);
    }

    /**
     * The same for loans of several LEDs at once (a district's), still in a fixed number of queries
     * whatever the number of LEDs: each statement reads {@code led_id = ANY (...)}.
     */
    public Map<UUID, LoanPosition> asOf(Collection<UUID> ledIdsIn, Collection<Loan> loans, LocalDate asOf) {
        UUID[] ledIds = ledIdsIn.toArray(UUID[]::new);
        Map<UUID, LoanPosition> positions = new HashMap<>();
        List<Loan> current = new ArrayList<>();
        List<Loan> rebuilt = new ArrayList<>();
        for (Loan loan : loans) {
            if (loan.latestEventOn == null || writtenOffBy(loan, asOf)) {
                positions.put(loan.id, NOTHING);
            } else if (!asOf.isBefore(loan.latestEventOn)) {
                if (loan.disbursementId == null) {
                    positions.put(loan.id, NOTHING);
                } else {
                    current.add(loan);
                }
            } else {
                rebuilt.add(loan);
            }
        }
        if (current.isEmpty() && rebuilt.isEmpty()) {
            return positions;
        }
        Map<UUID, List<InstallmentState>> open = openInstallments(ledIds, current, asOf);
        for (Loan loan : current) {
            LoanPosition position = current(loan, open.getOrDefault(loan.id, List.of()), asOf);
            positions.put(loan.id, position.withOutstanding(Amount.of(loan.outstandingPrincipal)));
        }
        if (!rebuilt.isEmpty()) {
            List<Loan> withSchedule = rebuilt.stream().filter(loan -> loan.disbursementId != null).toList();
            rebuild(ledIds, rebuilt, asOf, installments(ledIds, withSchedule), positions);
        }
        return positions;
    }

    private static String columns(String alias) {
        return alias + "." + RepaymentRows.INSTALLMENT_COLUMNS.replace(", ", ", " + alias + ".");
    }

    /** The installments of these kept loans a position as of {@code asOf} depends on, in order, in one statement. */
    private Map<UUID, List<InstallmentState>> openInstallments(UUID[] ledIds, List<Loan> loans, LocalDate asOf) {
        Map<UUID, List<InstallmentState>> open = new HashMap<>();
        if (loans.isEmpty()) {
            return open;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(OPEN_INSTALLMENTS)) {
            Array ids = connection.createArrayOf("uuid", loans.stream().map(loan -> loan.id).toArray());
            select.setArray(1, connection.createArrayOf("uuid", ledIds));
            select.setArray(2, ids);
            select.setObject(3, asOf);
            select.setArray(4, ids);
            select.setArray(5, connection.createArrayOf("uuid", ledIds));
            select.setObject(6, asOf);
            select.setFetchSize(10_000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    open.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(RepaymentRows.installment(row, 2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading open installments failed: SQL state " + e.getSQLState(), e);
        }
        // Each loan's few rows are put in order here: sorting them all in PostgreSQL cost more than the read.
        open.values().forEach(rows -> rows.sort(Comparator.comparingInt(InstallmentState::number)));
        return open;
    }

    /** A loan written off by that day owes nothing in the portfolio any more (its history stays). */
    private static boolean writtenOffBy(Loan loan, LocalDate asOf) {
        return loan.writtenOffOn != null && !asOf.isBefore(loan.writtenOffOn);
    }

    /**
     * The position of a loan from its current installments, when {@code asOf} is on or after
     * everything dated on it (the caller's word; a repayment's answer uses it without a read).
     */
    public LoanPosition current(Loan loan, List<InstallmentState> installments, LocalDate asOf) {
        return Allocator.position(installments, LoanTermsOf.repayment(loan, products.of(loan.ledId, loan.productId)),
                asOf);
    }

    private void rebuild(UUID[] ledIds, List<Loan> loans, LocalDate asOf, Map<UUID, List<InstallmentState>> schedules,
            Map<UUID, LoanPosition> positions) {
        UUID[] ids = loans.stream().map(loan -> loan.id).toArray(UUID[]::new);
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, Standing> disbursed = standingDisbursements(connection, ledIds, ids, asOf);
            Map<UUID, Map<Integer, Map<Integer, Paid>>> paid = new HashMap<>();
            Map<UUID, BigDecimal> repaidPrincipal = new HashMap<>();
            standingRepayments(connection, ledIds, ids, asOf, paid, repaidPrincipal);
            Map<UUID, InForce> inForce = versionsInForce(connection, ledIds, loans, asOf);
            Map<UUID, List<InstallmentState>> superseded = superseded(connection, ledIds, loans, inForce);
            for (Loan loan : loans) {
                Standing standing = disbursed.get(loan.id);
                BigDecimal outstanding = (standing == null ? BigDecimal.ZERO : standing.principal)
                        .subtract(repaidPrincipal.getOrDefault(loan.id, BigDecimal.ZERO));
                boolean scheduleStands = loan.disbursementId != null && standing != null
                        && standing.ids.contains(loan.disbursementId);
                if (!scheduleStands) {
                    positions.put(loan.id, NOTHING.withOutstanding(Amount.of(outstanding)));
                    continue;
                }
                InForce version = inForce.getOrDefault(loan.id, InForce.FIRST);
                List<InstallmentState> base = version.version() == loan.scheduleVersion
                        ? schedules.get(loan.id)
                        : superseded.get(loan.id);
                Map<Integer, Paid> byNumber = paid.getOrDefault(loan.id, Map.of())
                        .getOrDefault(version.version(), Map.of());
                List<InstallmentState> states = base.stream().map(row -> byNumber.getOrDefault(row.number(),
                        Paid.NONE).applyTo(row, row.number() == 1 ? version.carriedPenalty() : BigDecimal.ZERO))
                        .toList();
                LoanPosition position = current(loan, states, asOf);
                positions.put(loan.id, position.withOutstanding(Amount.of(outstanding)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading loans as of " + asOf + " failed: SQL state " + e.getSQLState(), e);
        }
    }

    /**
     * The schedule version in force on {@code asOf} of each rescheduled loan: the latest whose
     * reschedule is dated on or before it (version 1 before the first), with the penalty it carried.
     */
    private static Map<UUID, InForce> versionsInForce(Connection connection, UUID[] ledIds, List<Loan> loans,
            LocalDate asOf) throws SQLException {
        UUID[] rescheduled = loans.stream().filter(loan -> loan.scheduleVersion > 1).map(loan -> loan.id)
                .toArray(UUID[]::new);
        Map<UUID, InForce> inForce = new HashMap<>();
        if (rescheduled.length == 0) {
            return inForce;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT DISTINCT ON (loan_id) loan_id, version, carried_penalty FROM loan_schedule_version
                 WHERE led_id = ANY (?) AND loan_id = ANY (?) AND starts_on <= ?
                 ORDER BY loan_id, version DESC""")) {
            select.setArray(1, connection.createArrayOf("uuid", ledIds));
            select.setArray(2, connection.createArrayOf("uuid", rescheduled));
            select.setObject(3, asOf);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    inForce.put(row.getObject(1, UUID.class), new InForce(row.getInt(2), row.getBigDecimal(3)));
                }
            }
        }
        return inForce;
    }

    /** The frozen installments of each loan whose version in force is a superseded one, in order. */
    private static Map<UUID, List<InstallmentState>> superseded(Connection connection, UUID[] ledIds, List<Loan> loans,
            Map<UUID, InForce> inForce) throws SQLException {
        List<UUID> loanIds = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        for (Loan loan : loans) {
            int version = inForce.getOrDefault(loan.id, InForce.FIRST).version();
            if (version != loan.scheduleVersion) {
                loanIds.add(loan.id);
                versions.add(version);
            }
        }
        Map<UUID, List<InstallmentState>> rows = new HashMap<>();
        if (loanIds.isEmpty()) {
            return rows;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.loan_id, s.number, s.due_on, s.principal, s.interest, s.paid_principal, s.paid_interest,
                       s.penalty_charged, s.paid_penalty, s.penalty_through
                  FROM loan_schedule_installment s
                  JOIN unnest(?::uuid[], ?::int[]) AS w (loan_id, version)
                    ON w.loan_id = s.loan_id AND w.version = s.version
                 WHERE s.led_id = ANY (?)
                 ORDER BY s.loan_id, s.number""")) {
            select.setArray(1, connection.createArrayOf("uuid", loanIds.toArray()));
            select.setArray(2, connection.createArrayOf("integer", versions.toArray()));
            select.setArray(3, connection.createArrayOf("uuid", ledIds));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>()).add(
                            new InstallmentState(row.getInt(2), row.getObject(3, LocalDate.class),
                                    Amount.of(row.getBigDecimal(4)), Amount.of(row.getBigDecimal(5)),
                                    Amount.of(row.getBigDecimal(6)), Amount.of(row.getBigDecimal(7)),
                                    Amount.of(row.getBigDecimal(8)), Amount.of(row.getBigDecimal(9)),
                                    row.getObject(10, LocalDate.class)));
                }
            }
        }
        return rows;
    }

    /** The principal of disbursements standing on {@code asOf}: dated by then, not reversed by then. */
    private static Map<UUID, Standing> standingDisbursements(Connection connection, UUID[] ledIds, UUID[] ids,
            LocalDate asOf) throws SQLException {
        Map<UUID, Standing> standing = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT d.loan_id, d.id, d.principal FROM loan_disbursement d
                 WHERE d.led_id = ANY (?) AND d.loan_id = ANY (?) AND d.disbursed_on <= ?
                   AND NOT EXISTS (SELECT 1 FROM loan_reversal v
                                    WHERE v.led_id = d.led_id AND v.target_id = d.id AND v.effective_date <= ?)""")) {
            select.setArray(1, connection.createArrayOf("uuid", ledIds));
            select.setArray(2, connection.createArrayOf("uuid", ids));
            select.setObject(3, asOf);
            select.setObject(4, asOf);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Standing s = standing.computeIfAbsent(row.getObject(1, UUID.class), id -> new Standing());
                    s.ids.add(row.getObject(2, UUID.class));
                    s.principal = s.principal.add(row.getBigDecimal(3));
                }
            }
        }
        return standing;
    }

    /**
     * What repayments standing on {@code asOf} paid: per schedule version and installment of the
     * loan's current disbursement (repayments recorded since it; a repayment belongs to the latest
     * version that took over before it was recorded), and the principal of all of them.
     */
    private static void standingRepayments(Connection connection, UUID[] ledIds, UUID[] ids, LocalDate asOf,
            Map<UUID, Map<Integer, Map<Integer, Paid>>> paid, Map<UUID, BigDecimal> repaidPrincipal)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT r.loan_id, l.number, cd.id IS NOT NULL AND r.recorded_at >= cd.recorded_at AS current,
                       1 + (SELECT count(*) FROM loan_schedule_version sv
                             WHERE sv.led_id = r.led_id AND sv.loan_id = r.loan_id
                               AND sv.repayments_before < r.seq) AS version,
                       sum(l.principal), sum(l.interest), sum(l.penalty), sum(l.penalty_accrued), max(r.paid_on)
                  FROM loan_repayment r
                  JOIN loan_repayment_line l ON l.led_id = r.led_id AND l.repayment_id = r.id
                  JOIN loan lo ON lo.led_id = r.led_id AND lo.id = r.loan_id
                  LEFT JOIN loan_disbursement cd ON cd.led_id = lo.led_id AND cd.id = lo.disbursement_id
                 WHERE r.led_id = ANY (?) AND r.loan_id = ANY (?) AND r.paid_on <= ?
                   AND NOT EXISTS (SELECT 1 FROM loan_reversal v
                                    WHERE v.led_id = r.led_id AND v.target_id = r.id AND v.effective_date <= ?)
                 GROUP BY 1, 2, 3, 4""")) {
            select.setArray(1, connection.createArrayOf("uuid", ledIds));
            select.setArray(2, connection.createArrayOf("uuid", ids));
            select.setObject(3, asOf);
            select.setObject(4, asOf);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID loan = row.getObject(1, UUID.class);
                    BigDecimal principal = row.getBigDecimal(5);
                    repaidPrincipal.merge(loan, principal, BigDecimal::add);
                    if (row.getBoolean(3)) {
                        paid.computeIfAbsent(loan, id -> new HashMap<>())
                                .computeIfAbsent(row.getInt(4), v -> new HashMap<>())
                                .put(row.getInt(2), new Paid(principal, row.getBigDecimal(6), row.getBigDecimal(7),
                                        row.getBigDecimal(8), row.getObject(9, LocalDate.class)));
                    }
                }
            }
        }
    }

    /**
     * The current installments of these loans, in one statement (for rebuilding days before their
     * latest event). Plain JDBC into the pure states: managed entities (each hydrated, tracked and
     * dirty-checked) cost seconds over many loans where this costs a fraction of one.
     */
    private Map<UUID, List<InstallmentState>> installments(UUID[] ledIds, List<Loan> loans) {
        Map<UUID, List<InstallmentState>> schedules = new HashMap<>();
        if (loans.isEmpty()) {
            return schedules;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT loan_id, "
                        + RepaymentRows.INSTALLMENT_COLUMNS
                        + " FROM loan_installment WHERE led_id = ANY (?) AND loan_id = ANY (?)"
                        + " ORDER BY loan_id, number")) {
            select.setArray(1, connection.createArrayOf("uuid", ledIds));
            select.setArray(2, connection.createArrayOf("uuid", loans.stream().map(loan -> loan.id).toArray()));
            select.setFetchSize(10_000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    schedules.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(RepaymentRows.installment(row, 2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading installments failed: SQL state " + e.getSQLState(), e);
        }
        return schedules;
    }

    /** The schedule version of a loan in force on a day, and the penalty its reschedule carried over. */
    private record InForce(int version, BigDecimal carriedPenalty) {
        static final InForce FIRST = new InForce(1, BigDecimal.ZERO);
    }

    /** Disbursements of one loan standing on a day. */
    private static final class Standing {
        private final List<UUID> ids = new ArrayList<>();
        private BigDecimal principal = BigDecimal.ZERO;
    }

    /** What standing repayments paid of one installment, and the penalty they charged on it. */
    private record Paid(BigDecimal principal, BigDecimal interest, BigDecimal penalty, BigDecimal penaltyAccrued,
            LocalDate lastPaidOn) {

        static final Paid NONE = new Paid(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null);

        /**
         * The installment as these payments leave it. Capped at what it owes: a repayment recorded
         * after another one's reversal, but dated before that reversal, stands together with it on
         * the days in between, as both stand in the journal; the receivable (outstanding) still
         * counts both, the installment cannot be paid more than in full.
         */
        InstallmentState applyTo(InstallmentState row, BigDecimal carriedPenalty) {
            LocalDate through = lastPaidOn != null && lastPaidOn.isAfter(row.dueOn()) ? lastPaidOn : null;
            BigDecimal charged = carriedPenalty.add(penaltyAccrued).max(penalty);
            BigDecimal owedPrincipal = row.principal().value();
            BigDecimal owedInterest = row.interest().value();
            return new InstallmentState(row.number(), row.dueOn(), row.principal(), row.interest(),
                    Amount.of(principal.min(owedPrincipal)), Amount.of(interest.min(owedInterest)),
                    Amount.of(charged), Amount.of(penalty), through);
        }
    }
}
