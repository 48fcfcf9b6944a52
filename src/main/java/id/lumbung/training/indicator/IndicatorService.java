package id.lumbung.training.indicator;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import id.lumbung.tenancy.Led;
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

    /**
     * The indicators of a district as of a day: every programme of every LED of the district pooled
     * into one set of rows, read in the same statements as one programme's (never one per LED or per
     * trainee); the district's figures computed once over all the rows, so that rates and medians are
     * recomputed from the pooled trainees and loans, never averaged across LEDs, and each LED's computed
     * over its own rows, side by side. {@code asOf} defaults to the earliest "today" of the LEDs' zones.
     */
    @Transactional
    public DistrictTrainingIndicatorsView district(UUID districtId, LocalDate asOf) {
        List<Led> leds = Led.list("districtId = ?1 order by name, id", districtId);
        List<UUID> ledIds = leds.stream().map(led -> led.id).toList();
        LocalDate day = asOf != null ? asOf
                : ledIds.stream().map(posting::today).min(LocalDate::compareTo).orElse(LocalDate.now());
        List<Programme> programmes = ledIds.isEmpty() ? List.of() : Programme.list("ledId in ?1", ledIds);
        List<UUID> programmeIds = programmes.stream().map(programme -> programme.id).toList();
        Pool pool = read(ledIds, programmeIds, null, day);
        List<DistrictTrainingIndicatorsView.LedIndicators> byLed = new ArrayList<>();
        for (Led led : leds) {
            Pool own = pool.of(led.id);
            byLed.add(new DistrictTrainingIndicatorsView.LedIndicators(led.id, led.name,
                    (int) programmes.stream().filter(programme -> programme.ledId.equals(led.id)).count(),
                    own.figures(),
                    own.bySegment(), own.byGender(), IndicatorFigures.repayment(own.neverTrained)));
        }
        return new DistrictTrainingIndicatorsView(districtId, day, programmeIds.size(), pool.figures(),
                pool.bySegment(), pool.byGender(), IndicatorFigures.repayment(pool.neverTrained), byLed);
    }

    /** The indicators of what is dated from {@code from} (null: from the beginning) to {@code day}. */
    private IndicatorsView compute(UUID ledId, UUID programmeId, LocalDate from, LocalDate day) {
        Pool pool = read(List.of(ledId), List.of(programmeId), from, day);
        return new IndicatorsView(programmeId, day, pool.figures(), pool.bySegment(), pool.byGender(),
                IndicatorFigures.repayment(pool.neverTrained));
    }

    /**
     * The rows of these programmes of these LEDs, in a fixed number of statements whatever the number
     * of LEDs, programmes, trainees and loans: the LEDs' loans disbursed in the window, of the
     * programmes' trainees or of members never enrolled anywhere in those LEDs.
     */
    private Pool read(List<UUID> ledIds, List<UUID> programmeIds, LocalDate from, LocalDate day) {
        if (ledIds.isEmpty()) {
            return new Pool(List.of(), List.of(), List.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of());
        }
        List<Loan> loans = from == null
                ? Loan.list("ledId in ?1 and disbursedOn is not null and disbursedOn <= ?2", ledIds, day)
                : Loan.list("ledId in ?1 and disbursedOn between ?2 and ?3", ledIds, from, day);
        try (Connection connection = dataSource.getConnection()) {
            List<Trainee> trainees = IndicatorRows.trainees(connection, ledIds, programmeIds, from, day);
            Set<UUID> members = new HashSet<>();
            trainees.forEach(trainee -> members.add(trainee.memberId()));
            Set<UUID> everTrainees = IndicatorRows.everTrainees(connection, ledIds, day);
            List<Loan> read = loans.stream()
                    .filter(loan -> members.contains(loan.memberId) || !everTrainees.contains(loan.memberId))
                    .toList();
            Map<UUID, UUID> ledOfLoan = new HashMap<>();
            read.forEach(loan -> ledOfLoan.put(loan.id, loan.ledId));
            List<LoanFact> facts = facts(connection, ledIds, read, day);
            Map<UUID, List<LoanFact>> byMember = new HashMap<>();
            List<LoanFact> neverTrained = new ArrayList<>();
            for (LoanFact fact : facts) {
                if (members.contains(fact.memberId())) {
                    byMember.computeIfAbsent(fact.memberId(), id -> new ArrayList<>()).add(fact);
                } else {
                    neverTrained.add(fact);
                }
            }
            return new Pool(trainees, IndicatorRows.modules(connection, ledIds, programmeIds),
                    IndicatorRows.evaluations(connection, ledIds, programmeIds, from, day),
                    IndicatorRows.assistance(connection, ledIds, programmeIds, from, day), byMember,
                    IndicatorRows.groups(connection, ledIds, programmeIds, from, day), neverTrained, ledOfLoan);
        } catch (SQLException e) {
            throw ProgrammeService.failed("reading training indicators", e);
        }
    }

    /**
     * Rows read for a set of trainees, and the figures of them. Rows of other trainees (another LED's)
     * may be present in the maps: they are keyed by trainee or member and never match. Modules are
     * pooled by code (the first title read names one), so a district's passing share of a module code
     * is over every evaluation of it in any of its programmes.
     */
    private record Pool(List<Trainee> trainees, List<IndicatorRows.Module> modules,
            List<IndicatorRows.Evaluation> evaluations, Map<UUID, IndicatorRows.Assistance> assistance,
            Map<UUID, List<LoanFact>> byMember, Map<UUID, Set<UUID>> groups, List<LoanFact> neverTrained,
            Map<UUID, UUID> ledOfLoan) {

        /** The part of these rows that is one LED's. */
        Pool of(UUID ledId) {
            return new Pool(only(trainees, t -> t.ledId().equals(ledId)),
                    modules.stream().filter(m -> m.ledId().equals(ledId)).toList(), evaluations, assistance,
                    byMember, groups,
                    neverTrained.stream().filter(loan -> ledId.equals(ledOfLoan.get(loan.loanId()))).toList(),
                    ledOfLoan);
        }

        private IndicatorFigures calculator() {
            Map<String, IndicatorRows.Module> byCode = new LinkedHashMap<>();
            modules.forEach(module -> byCode.putIfAbsent(module.code(), module));
            return new IndicatorFigures(List.copyOf(byCode.values()), evaluations, assistance, byMember, groups);
        }

        IndicatorsView.Figures figures() {
            return calculator().of(trainees);
        }

        IndicatorsView.BySegment bySegment() {
            IndicatorFigures figures = calculator();
            return new IndicatorsView.BySegment(figures.of(only(trainees, t -> t.segment() == Segment.YOUTH)),
                    figures.of(only(trainees, t -> t.segment() == Segment.ADULT)),
                    figures.of(only(trainees, t -> t.segment() == Segment.ELDERLY)));
        }

        IndicatorsView.ByGender byGender() {
            IndicatorFigures figures = calculator();
            return new IndicatorsView.ByGender(figures.of(only(trainees, t -> t.gender().equals("F"))),
                    figures.of(only(trainees, t -> t.gender().equals("M"))));
        }
    }

    private static List<Trainee> only(List<Trainee> trainees, Predicate<Trainee> which) {
        return trainees.stream().filter(which).toList();
    }

    /**
     * Each loan's outstanding and days past due as {@link LoanPositions} gives them, and its schedule
     * facts. A rescheduled or written-off loan did not keep its schedule.
     */
    private List<LoanFact> facts(Connection connection, List<UUID> ledIds, List<Loan> loans, LocalDate day)
            throws SQLException {
        Map<UUID, LoanPosition> standing = positions.asOf(ledIds, loans, day);
        Map<UUID, IndicatorRows.Schedule> schedules = IndicatorRows.schedules(connection, ledIds,
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
