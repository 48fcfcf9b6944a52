package id.lumbung.training.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import id.lumbung.loan.portfolio.Ratio;
import id.lumbung.money.Amount;
import id.lumbung.training.indicator.IndicatorRows.Assistance;
import id.lumbung.training.indicator.IndicatorRows.Evaluation;
import id.lumbung.training.indicator.IndicatorRows.Module;
import id.lumbung.training.indicator.IndicatorRows.Trainee;

/**
 * The arithmetic of the indicators over rows already read: pure, one pass over each kind of row for a
 * set of trainees, so the overall figures and every segment and gender are the same code on a subset.
 * Ratios render as the portfolio report's ({@link Ratio}); averages with two places and medians of an
 * even count as the mean of the two middle values, both HALF_UP.
 */
final class IndicatorFigures {

    /** A score of this or more passes a module's evaluation. */
    static final int PASSING_SCORE = 60;

    private final List<Module> modules;
    private final List<Evaluation> evaluations;
    private final Map<UUID, Assistance> assistance;
    private final Map<UUID, List<LoanFact>> loansByMember;
    private final Map<UUID, Set<UUID>> groups;

    IndicatorFigures(List<Module> modules, List<Evaluation> evaluations, Map<UUID, Assistance> assistance,
            Map<UUID, List<LoanFact>> loansByMember, Map<UUID, Set<UUID>> groups) {
        this.modules = modules;
        this.evaluations = evaluations;
        this.assistance = assistance;
        this.loansByMember = loansByMember;
        this.groups = groups;
    }

    IndicatorsView.Figures of(List<Trainee> trainees) {
        int enrolled = trainees.size();
        int completed = 0;
        int withdrawn = 0;
        int attendanceCounted = 0;
        BigDecimal attendanceSum = BigDecimal.ZERO;
        int feedbackCount = 0;
        long feedbackSum = 0;
        int capitalTrainees = 0;
        Amount capitalTotal = Amount.ZERO;
        List<Long> daysToCapital = new ArrayList<>();
        List<LoanFact> trained = new ArrayList<>();
        List<LoanFact> beforeEnrolment = new ArrayList<>();
        int businesses = 0;
        int withOutcome = 0;
        int employedAtBaseline = 0;
        int employedNow = 0;
        List<BigDecimal> baselineIncomes = new ArrayList<>();
        List<BigDecimal> nowIncomes = new ArrayList<>();
        List<BigDecimal> incomeChanges = new ArrayList<>();
        Set<UUID> groupIds = new HashSet<>();
        for (Trainee trainee : trainees) {
            completed += trainee.completedOn() != null ? 1 : 0;
            withdrawn += trainee.withdrawnOn() != null ? 1 : 0;
            if (trainee.sessionsHeld() > 0) {
                attendanceCounted++;
                attendanceSum = attendanceSum.add(BigDecimal.valueOf(trainee.sessionsAttended())
                        .divide(BigDecimal.valueOf(trainee.sessionsHeld()), MathContext.DECIMAL128));
            }
            feedbackCount += trainee.feedbackCount();
            feedbackSum += trainee.feedbackSum();

            Assistance given = assistance.get(trainee.id());
            Amount capital = given == null ? Amount.ZERO : Amount.of(given.value());
            LocalDate firstCapital = given == null ? null : given.firstGivenOn();
            for (LoanFact loan : loansByMember.getOrDefault(trainee.memberId(), List.of())) {
                if (loan.disbursedOn().isBefore(trainee.enrolledOn())) {
                    beforeEnrolment.add(loan);
                } else {
                    trained.add(loan);
                    capital = capital.plus(loan.principal());
                    if (firstCapital == null || loan.disbursedOn().isBefore(firstCapital)) {
                        firstCapital = loan.disbursedOn();
                    }
                }
            }
            if (firstCapital != null) {
                capitalTrainees++;
                capitalTotal = capitalTotal.plus(capital);
                if (trainee.completedOn() != null) {
                    daysToCapital.add(ChronoUnit.DAYS.between(trainee.completedOn(), firstCapital));
                }
            }

            if (trainee.now() != null) {
                withOutcome++;
                businesses += trainee.now().businessStarted() ? 1 : 0;
                employedAtBaseline += trainee.baseline().employed() ? 1 : 0;
                employedNow += trainee.now().employed() ? 1 : 0;
                baselineIncomes.add(trainee.baseline().monthlyIncome());
                nowIncomes.add(trainee.now().monthlyIncome());
                incomeChanges.add(trainee.now().monthlyIncome().subtract(trainee.baseline().monthlyIncome()));
            }
            groupIds.addAll(groups.getOrDefault(trainee.id(), Set.of()));
        }
        return new IndicatorsView.Figures(enrolled,
                attendanceCounted == 0 ? null
                        : attendanceSum.divide(BigDecimal.valueOf(attendanceCounted), 4, RoundingMode.HALF_UP)
                                .toPlainString(),
                completed, share(completed, enrolled), withdrawn, modules(trainees),
                average(BigDecimal.valueOf(feedbackSum), feedbackCount),
                new IndicatorsView.Capital(capitalTrainees, capitalTotal, medianDays(daysToCapital)),
                repayment(trained), repayment(beforeEnrolment),
                new IndicatorsView.Businesses(businesses, share(businesses, enrolled)),
                new IndicatorsView.Employment(withOutcome, share(employedAtBaseline, withOutcome),
                        share(employedNow, withOutcome)),
                new IndicatorsView.Income(medianMoney(baselineIncomes), medianMoney(nowIncomes),
                        medianMoney(incomeChanges)),
                groupIds.size());
    }

    private List<IndicatorsView.ModuleScore> modules(List<Trainee> trainees) {
        Set<UUID> ids = trainees.stream().map(Trainee::id).collect(Collectors.toSet());
        List<IndicatorsView.ModuleScore> scores = new ArrayList<>();
        for (Module module : modules) {
            int count = 0;
            int passing = 0;
            long sum = 0;
            for (Evaluation evaluation : evaluations) {
                if (evaluation.moduleCode().equals(module.code()) && ids.contains(evaluation.traineeId())) {
                    count++;
                    sum += evaluation.score();
                    passing += evaluation.score() >= PASSING_SCORE ? 1 : 0;
                }
            }
            scores.add(new IndicatorsView.ModuleScore(module.code(), module.title(), count,
                    average(BigDecimal.valueOf(sum), count), share(passing, count)));
        }
        return scores;
    }

    /**
     * Repayment performance of these loans: PAR30 by outstanding, schedule kept among the matured, arrears.
     * A loan counts once however many trainees' rows name it (a member enrolled in two programmes of a
     * district's pool).
     */
    static IndicatorsView.Repayment repayment(Collection<LoanFact> given) {
        Map<UUID, LoanFact> distinct = new java.util.LinkedHashMap<>();
        given.forEach(loan -> distinct.putIfAbsent(loan.loanId(), loan));
        Collection<LoanFact> loans = distinct.values();
        Amount outstanding = Amount.ZERO;
        Amount atRisk = Amount.ZERO;
        int matured = 0;
        int onSchedule = 0;
        int inArrears = 0;
        long daysPastDue = 0;
        Set<UUID> borrowers = new HashSet<>();
        for (LoanFact loan : loans) {
            borrowers.add(loan.memberId());
            outstanding = outstanding.plus(loan.outstanding());
            if (loan.daysPastDue() > 30) {
                atRisk = atRisk.plus(loan.outstanding());
            }
            if (loan.matured()) {
                matured++;
                onSchedule += loan.repaidOnSchedule() ? 1 : 0;
            }
            if (loan.daysPastDue() > 0) {
                inArrears++;
                daysPastDue += loan.daysPastDue();
            }
        }
        return new IndicatorsView.Repayment(loans.size(), borrowers.size(), outstanding, Ratio.of(atRisk, outstanding),
                matured, share(onSchedule, matured), average(BigDecimal.valueOf(daysPastDue), inArrears));
    }

    private static String share(int part, int whole) {
        return Ratio.orNull(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    private static String average(BigDecimal sum, int count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The median; of an even count the mean of the two middle values, HALF_UP to whole days. */
    static Long medianDays(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().map(BigDecimal::valueOf).toList();
        return middle(sorted).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The median; of an even count the mean of the two middle values, HALF_UP to the sen. */
    static Amount medianMoney(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return Amount.of(middle(values.stream().sorted().toList()).setScale(Amount.SCALE, RoundingMode.HALF_UP));
    }

    private static BigDecimal middle(List<BigDecimal> sorted) {
        int half = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(half);
        }
        return sorted.get(half - 1).add(sorted.get(half)).divide(BigDecimal.valueOf(2));
    }
}
