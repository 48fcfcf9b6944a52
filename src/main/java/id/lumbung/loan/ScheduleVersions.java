package id.lumbung.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.money.Amount;

/**
 * A loan's superseded schedule versions: one loan_schedule_version row per reschedule and the
 * installments of each version it replaced, frozen as they stood. Never changed once written.
 */
@ApplicationScoped
public class ScheduleVersions {

    /** One reschedule: the version it started, its terms, what it carried and the loan's measures then. */
    public record Version(UUID loanId, int version, LocalDate startsOn, BigDecimal principal, int installments,
            BigDecimal interestRate, int graceInstallments, int fromInstallments, BigDecimal fromInterestRate,
            BigDecimal carriedInterest, BigDecimal carriedPenalty, int daysPastDue, int missedInstallments,
            int repaymentsBefore, String reason, String requestedBy, String approvedBy, Instant recordedAt) {
    }

    private final EntityManager entities;

    public ScheduleVersions(EntityManager entities) {
        this.entities = entities;
    }

    void insert(UUID ledId, Version v) {
        entities.createNativeQuery("""
                INSERT INTO loan_schedule_version (led_id, loan_id, version, starts_on, principal, installments,
                    interest_rate, grace_installments, from_installments, from_interest_rate, carried_interest,
                    carried_penalty, days_past_due, missed_installments, repayments_before, reason, requested_by,
                    approved_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)""")
                .setParameter(1, ledId).setParameter(2, v.loanId()).setParameter(3, v.version())
                .setParameter(4, v.startsOn()).setParameter(5, v.principal()).setParameter(6, v.installments())
                .setParameter(7, v.interestRate()).setParameter(8, v.graceInstallments())
                .setParameter(9, v.fromInstallments()).setParameter(10, v.fromInterestRate())
                .setParameter(11, v.carriedInterest()).setParameter(12, v.carriedPenalty())
                .setParameter(13, v.daysPastDue()).setParameter(14, v.missedInstallments())
                .setParameter(15, v.repaymentsBefore()).setParameter(16, v.reason())
                .setParameter(17, v.requestedBy()).setParameter(18, v.approvedBy())
                .setParameter(19, LoanRecords.utc(v.recordedAt()))
                .executeUpdate();
    }

    /** Freezes the installments of a version being replaced. */
    void archive(UUID ledId, UUID loanId, int version, List<InstallmentState> states) {
        for (InstallmentState s : states) {
            entities.createNativeQuery("""
                    INSERT INTO loan_schedule_installment (led_id, loan_id, version, number, due_on, principal,
                        interest, paid_principal, paid_interest, penalty_charged, paid_penalty, penalty_through)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                    .setParameter(1, ledId).setParameter(2, loanId).setParameter(3, version)
                    .setParameter(4, s.number()).setParameter(5, s.dueOn()).setParameter(6, s.principal().value())
                    .setParameter(7, s.interest().value()).setParameter(8, s.paidPrincipal().value())
                    .setParameter(9, s.paidInterest().value()).setParameter(10, s.penaltyCharged().value())
                    .setParameter(11, s.paidPenalty().value()).setParameter(12, s.penaltyThrough())
                    .executeUpdate();
        }
    }

    /** The frozen installments of a superseded version, in order; empty when there is no such version. */
    List<InstallmentState> archived(UUID ledId, UUID loanId, int version) {
        List<?> rows = entities.createNativeQuery("""
                SELECT number, due_on, principal, interest, paid_principal, paid_interest, penalty_charged,
                       paid_penalty, penalty_through
                  FROM loan_schedule_installment WHERE led_id = ?1 AND loan_id = ?2 AND version = ?3
                 ORDER BY number""")
                .setParameter(1, ledId).setParameter(2, loanId).setParameter(3, version).getResultList();
        List<InstallmentState> states = new ArrayList<>(rows.size());
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            states.add(new InstallmentState(((Number) r[0]).intValue(), LoanRecords.localDate(r[1]),
                    Amount.of((BigDecimal) r[2]), Amount.of((BigDecimal) r[3]), Amount.of((BigDecimal) r[4]),
                    Amount.of((BigDecimal) r[5]), Amount.of((BigDecimal) r[6]), Amount.of((BigDecimal) r[7]),
                    r[8] == null ? null : LoanRecords.localDate(r[8])));
        }
        return states;
    }

    /** The loan's repayment count when {@code version} took over: later repayments are that version's. */
    int repaymentsBefore(UUID ledId, UUID loanId, int version) {
        Version v = find(ledId, loanId, version);
        return v == null ? 0 : v.repaymentsBefore();
    }

    /** The reschedule that started {@code version} of the loan, or null. */
    Version find(UUID ledId, UUID loanId, int version) {
        List<?> rows = entities.createNativeQuery("""
                SELECT loan_id, version, starts_on, principal, installments, interest_rate, grace_installments,
                       from_installments, from_interest_rate, carried_interest, carried_penalty, days_past_due,
                       missed_installments, repayments_before, reason, requested_by, approved_by, recorded_at
                  FROM loan_schedule_version WHERE led_id = ?1 AND loan_id = ?2 AND version = ?3""")
                .setParameter(1, ledId).setParameter(2, loanId).setParameter(3, version).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        return new Version((UUID) r[0], ((Number) r[1]).intValue(), LoanRecords.localDate(r[2]), (BigDecimal) r[3],
                ((Number) r[4]).intValue(), (BigDecimal) r[5], ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue(), (BigDecimal) r[8], (BigDecimal) r[9], (BigDecimal) r[10],
                ((Number) r[11]).intValue(), ((Number) r[12]).intValue(), ((Number) r[13]).intValue(),
                (String) r[14], (String) r[15], (String) r[16], LoanRecords.instant(r[17]));
    }
}
