package id.lumbung.loan.quality;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.loan.Loan;
import id.lumbung.loan.LoanStatus;
import id.lumbung.loan.product.ProductTermsCatalog;
import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.loan.reschedule.RestructuredLoans;
import id.lumbung.loan.schedule.Frequency;
import id.lumbung.loan.schedule.Rounding;

/**
 * Classifies loans as of a day from the positions {@link id.lumbung.loan.LoanPositions} computed for
 * them (no query per loan): the class by the setting in force that day, and the provision it needs.
 * A loan has a class on a day when it stands disbursed that day — outstanding principal above
 * zero, or DISBURSED and disbursed by then — and was not written off by then. A restructured loan
 * keeps the class of its reschedule day until it has paid {@value RestructuredLoans#ON_TIME_TO_CURE}
 * installments of its new schedule on time ({@link RestructuredLoans}): it is classed by the worse of
 * that class and its own.
 */
@ApplicationScoped
public class LoanGrades {

    private final LoanQualityService quality;
    private final ProductTermsCatalog products;
    private final RestructuredLoans restructured;

    public LoanGrades(LoanQualityService quality, ProductTermsCatalog products, RestructuredLoans restructured) {
        this.quality = quality;
        this.products = products;
        this.restructured = restructured;
    }

    /** The setting in force on {@code day} (cached, as loan reads use it). */
    public QualitySetting setting(UUID ledId, LocalDate day) {
        return quality.inForce(ledId, day).setting();
    }

    /** Each classified loan's grade, by loan id; loans without a class are left out. */
    public Map<UUID, Grade> of(UUID ledId, Collection<Loan> loans, Map<UUID, LoanPosition> positions,
            LocalDate asOf) {
        return of(setting(ledId, asOf), loans, positions, asOf);
    }

    /** Each classified loan's grade under {@code setting}, by loan id. */
    public Map<UUID, Grade> of(QualitySetting setting, Collection<Loan> loans, Map<UUID, LoanPosition> positions,
            LocalDate asOf) {
        Map<UUID, Grade> grades = new HashMap<>();
        Map<UUID, RestructuredLoans.Restructured> cures = restructuredOf(loans, asOf);
        for (Loan loan : loans) {
            Grade grade = grade(setting, loan, positions.get(loan.id), asOf, cures.get(loan.id));
            if (grade != null) {
                grades.put(loan.id, grade);
            }
        }
        return grades;
    }

    /** The loan's grade as of {@code asOf}, or null when it has no class that day. */
    public Grade grade(QualitySetting setting, Loan loan, LoanPosition position, LocalDate asOf) {
        if (position == null || !classified(loan, position, asOf)) {
            return null;
        }
        return grade(setting, loan, position, asOf, restructuredOf(List.of(loan), asOf).get(loan.id));
    }

    private Grade grade(QualitySetting setting, Loan loan, LoanPosition position, LocalDate asOf,
            RestructuredLoans.Restructured cure) {
        if (position == null || !classified(loan, position, asOf)) {
            return null;
        }
        Frequency frequency = products.of(loan.ledId, loan.productId).frequency();
        QualityClass c = setting.classify(frequency, position.daysPastDue(), missedInstallments(position, asOf));
        boolean restructuredThen = cure != null;
        if (restructuredThen && cure.keepsClass()) {
            QualityClass kept = setting.classify(frequency, cure.daysPastDueAtReschedule(),
                    cure.missedInstallmentsAtReschedule());
            if (kept.kolektibilitas().compareTo(c.kolektibilitas()) > 0) {
                c = kept;
            }
        }
        Rounding rounding = loan.roundingStep == null ? Rounding.WHOLE_RUPIAH
                : new Rounding(loan.roundingStep, RoundingMode.valueOf(loan.roundingMode));
        return new Grade(c, position.outstandingPrincipal(), c.provisionOn(position.outstandingPrincipal(), rounding),
                restructuredThen);
    }

    /** The restructured ones among these loans as of the day, in one query (none when no loan was rescheduled). */
    private Map<UUID, RestructuredLoans.Restructured> restructuredOf(Collection<Loan> loans, LocalDate asOf) {
        List<UUID> rescheduled = loans.stream().filter(loan -> loan.scheduleVersion > 1).map(loan -> loan.id).toList();
        if (rescheduled.isEmpty()) {
            return Map.of();
        }
        return restructured.asOf(loans.iterator().next().ledId, rescheduled, asOf);
    }

    /**
     * Installments due on or before {@code asOf} and not fully paid: those in arrears (due before it)
     * and the one due on the day itself, which is the next one due while it is unpaid.
     */
    static int missedInstallments(LoanPosition position, LocalDate asOf) {
        return position.installmentsInArrears() + (asOf.equals(position.nextDueOn()) ? 1 : 0);
    }

    private static boolean classified(Loan loan, LoanPosition position, LocalDate asOf) {
        if (writtenOffBy(loan, asOf)) {
            return false;
        }
        return position.outstandingPrincipal().isPositive()
                || loan.status == LoanStatus.DISBURSED && loan.disbursedOn != null && !loan.disbursedOn.isAfter(asOf);
    }

    /** Whether the loan was written off on or before {@code asOf}: it then leaves the portfolio and its provisions. */
    static boolean writtenOffBy(Loan loan, LocalDate asOf) {
        return loan.writtenOffOn != null && !loan.writtenOffOn.isAfter(asOf);
    }
}
