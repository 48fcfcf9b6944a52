package id.lumbung.training.indicator;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.ledger.PostingService;
import id.lumbung.loan.Loan;
import id.lumbung.loan.LoanPositions;
import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.training.Programme;
import id.lumbung.training.ProgrammeService;
import id.lumbung.training.Segment;
import id.lumbung.training.indicator.IndicatorRows.Trainee;

/**
 * A programme's monitoring indicators as of a day, in a fixed number of statements whatever the number
 * of trainees and loans: the rows of {@link IndicatorRows}, the LED's loans disbursed by the day, their
 * positions from {@link LoanPositions} (the loan views' and the portfolio's own outstanding and days
 * past due, never a second computation of arrears) and their schedule facts; then
 * {@link IndicatorFigures} computes each set of trainees in one pass.
 */
@ApplicationScoped
public class IndicatorService {

    private final DataSource dataSource;
    private final LoanPositions positions;
    private final PostingService posting;

    public IndicatorService(DataSource dataSource, LoanPositions positions, PostingService posting) {
        this.dataSource = dataSource;
        this.positions = positions;
        this.posting = posting;
    }

    @Transactional
    public IndicatorsView indicators(UUID ledId, UUID programmeId, LocalDate asOf) {
        Programme.require(ledId, programmeId);
        return compute(ledId, programmeId, null, asOf == null ? posting.today(ledId) : asOf);
    }

    /**
     * The report of a calendar quarter: the indicators of what is dated in it (sessions held and their
     * attendance, completions and withdrawals, evaluations, feedback, capital given or disbursed,
     * outcomes recorded; its trainees are those enrolled by its end and not gone before its start), and
     * the cumulative indicators as of its last day. Year and quarter default to today's.
     */
    @Transactional
    public QuarterlyReportView quarterly(UUID ledId, UUID programmeId, Integer givenYear, Integer givenQuarter) {
        Programme.require(ledId, programmeId);
        LocalDate today = posting.today(ledId);
        int year = givenYear == null ? today.getYear() : givenYear;
        int quarter = givenQuarter == null ? (today.getMonthValue() + 2) / 3 : givenQuarter;
        if (year < 2000 || year > 2999) {
            throw ApiException.invalidField("year", "must be 2000–2999");
        }
        if (quarter < 1 || quarter > 4) {
            throw ApiException.invalidField("quarter", "must be 1–4");
        }
        LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);
        return new QuarterlyReportView(programmeId, year, quarter, from, to, compute(ledId, programmeId, from, to),
                compute(ledId, programmeId, null, to));
    }

    /** The indicators of what is dated from {@code from} (null: from the beginning) to {@code day}. */
    private IndicatorsView compute(UUID ledId, UUID programmeId, LocalDate from, LocalDate day) {
        List<Loan> loans = from == null
                ? Loan.list("ledId = ?1 and disbursedOn is not null and disbursedOn <= ?2", ledId, day)
                : Loan.list("ledId = ?1 and disbursedOn between ?2 and ?3", ledId, from, day);
        try (Connection connection = dataSource.getConnection()) {
            List<Trainee> trainees = IndicatorRows.trainees(connection, ledId, programmeId, from, day);
            Set<UUID> members = new HashSet<>();
            trainees.forEach(trainee -> members.add(trainee.memberId()));
            Set<UUID> everTrainees = IndicatorRows.everTrainees(connection, ledId, day);
            List<Loan> read = loans.stream()
                    .filter(loan -> members.contains(loan.memberId) || !everTrainees.contains(loan.memberId))
                    .toList();
            List<LoanFact> facts = facts(connection, ledId, read, day);
            Map<UUID, List<LoanFact>> byMember = new HashMap<>();
            List<LoanFact> neverTrained = new ArrayList<>();
            for (LoanFact fact : facts) {
                if (members.contains(fact.memberId())) {
                    byMember.computeIfAbsent(fact.memberId(), id -> new ArrayList<>()).add(fact);
                } else {
                    neverTrained.add(fact);
                }
            }
            IndicatorFigures figures = new IndicatorFigures(IndicatorRows.modules(connection, ledId, programmeId),
                    IndicatorRows.evaluations(connection, ledId, programmeId, from, day),
                    IndicatorRows.assistance(connection, ledId, programmeId, from, day), byMember,
                    IndicatorRows.groups(connection, ledId, programmeId, from, day));
            return new IndicatorsView(programmeId, day, figures.of(trainees),
                    new IndicatorsView.BySegment(figures.of(only(trainees, t -> t.segment() == Segment.YOUTH)),
                            figures.of(only(trainees, t -> t.segment() == Segment.ADULT)),
                            figures.of(only(trainees, t -> t.segment() == Segment.ELDERLY))),
                    new IndicatorsView.ByGender(figures.of(only(trainees, t -> t.gender().equals("F"))),
                            figures.of(only(trainees, t -> t.gender().equals("M")))),
                    IndicatorFigures.repayment(neverTrained));
        } catch (SQLException e) {
            throw ProgrammeService.failed("reading a programme's indicators", e);
        }
    }

    private static List<Trainee> only(List<Trainee> trainees, Predicate<Trainee> which) {
        return trainees.stream().filter(which).toList();
    }

    /**
     * Each loan's outstanding and days past due as {@link LoanPositions} gives them, and its schedule
     * facts. A rescheduled or written-off loan did not keep its schedule.
     */
    private List<LoanFact> facts(Connection connection, UUID ledId, List<Loan> loans, LocalDate day)
            throws SQLException {
        Map<UUID, LoanPosition> standing = positions.asOf(ledId, loans, day);
        Map<UUID, IndicatorRows.Schedule> schedules = IndicatorRows.schedules(connection, ledId,
                loans.stream().map(loan -> loan.id).toList(), day);
        List<LoanFact> facts = new ArrayList<>();
        for (Loan loan : loans) {
            LoanPosition position = standing.getOrDefault(loan.id, LoanPositions.NOTHING);
            IndicatorRows.Schedule schedule = schedules.get(loan.id);
            boolean matured = schedule != null && schedule.matured();
            boolean kept = matured && schedule.paidOnTime() && loan.scheduleVersion == 1
                    && (loan.writtenOffOn == null || loan.writtenOffOn.isAfter(day));
            facts.add(new LoanFact(loan.id, loan.memberId, Amount.of(loan.principal), loan.disbursedOn,
                    position.outstandingPrincipal(), position.daysPastDue(), matured, kept));
        }
        return facts;
    }
}
