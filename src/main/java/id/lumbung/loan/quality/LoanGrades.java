package id.lumbung.loan.quality;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.loan.Loan;
import id.lumbung.loan.LoanStatus;
import id.lumbung.loan.product.ProductTermsCatalog;
import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.loan.schedule.Rounding;

/**
 * Classifies loans as of a day from the positions {@link id.lumbung.loan.LoanPositions} computed for
 * them (no query per loan): the class by the setting in force that day, and the provision it needs.
 * A loan has a class on a day when it stands disbursed that day — outstanding principal above
 * zero, or DISBURSED and disbursed by then — and was not written off by then.
 */
@ApplicationScoped
public class LoanGrades {

    private final LoanQualityService quality;
    private final ProductTermsCatalog products;

    public LoanGrades(LoanQualityService quality, ProductTermsCatalog products) {
        this.quality = quality;
        this.products = products;
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
        for (Loan loan : loans) {
            Grade grade = grade(setting, loan, positions.get(loan.id), asOf);
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
        QualityClass c = setting.classify(products.of(loan.ledId, loan.productId).frequency(),
                position.daysPastDue(), missedInstallments(position, asOf));
        Rounding rounding = loan.roundingStep == null ? Rounding.WHOLE_RUPIAH
                : new Rounding(loan.roundingStep, RoundingMode.valueOf(loan.roundingMode));
        return new Grade(c, position.outstandingPrincipal(), c.provisionOn(position.outstandingPrincipal(), rounding));
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
