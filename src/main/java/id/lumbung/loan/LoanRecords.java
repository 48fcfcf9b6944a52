package id.lumbung.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The loan's immutable history rows — disbursements and reversals — written with the entry that
 * posts them, and the member facts the loan's entries are described with.
 */
@ApplicationScoped
public class LoanRecords {

    /** A stored disbursement. */
    public record Disbursement(UUID id, UUID loanId, LocalDate disbursedOn, BigDecimal principal, BigDecimal adminFee,
            String paidFrom, String feeAccount, UUID entryId, Instant recordedAt, String recordedBy) {
    }

    private final EntityManager entities;

    public LoanRecords(EntityManager entities) {
        this.entities = entities;
    }

    void insertDisbursement(UUID ledId, Disbursement d) {
        entities.createNativeQuery("""
                INSERT INTO loan_disbursement (led_id, id, loan_id, disbursed_on, principal, admin_fee, paid_from,
                    fee_account, entry_id, recorded_at, recorded_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, ledId).setParameter(2, d.id()).setParameter(3, d.loanId())
                .setParameter(4, d.disbursedOn()).setParameter(5, d.principal()).setParameter(6, d.adminFee())
                .setParameter(7, d.paidFrom()).setParameter(8, d.feeAccount()).setParameter(9, d.entryId())
                .setParameter(10, utc(d.recordedAt())).setParameter(11, d.recordedBy())
                .executeUpdate();
    }

    Disbursement disbursement(UUID ledId, UUID disbursementId) {
        Object[] row = (Object[]) entities.createNativeQuery("""
                SELECT id, loan_id, disbursed_on, principal, admin_fee, paid_from, fee_account, entry_id,
                       recorded_at, recorded_by
                  FROM loan_disbursement WHERE led_id = ?1 AND id = ?2""")
                .setParameter(1, ledId).setParameter(2, disbursementId).getSingleResult();
        return new Disbursement((UUID) row[0], (UUID) row[1], localDate(row[2]), (BigDecimal) row[3],
                (BigDecimal) row[4], (String) row[5], (String) row[6], (UUID) row[7], instant(row[8]), (String) row[9]);
    }

    void insertReversal(UUID ledId, LoanReversalView reversal, UUID loanId) {
        LoanReversalRow row = new LoanReversalRow();
        row.ledId = ledId;
        row.id = reversal.id();
        row.loanId = loanId;
        row.target = reversal.target();
        row.targetId = reversal.targetId();
        row.effectiveDate = reversal.effectiveDate();
        row.reason = reversal.reason();
        row.entryId = reversal.entryId();
        row.recordedAt = reversal.recordedAt();
        row.recordedBy = reversal.recordedBy();
        row.persist();
    }

    /** Whether this disbursement or repayment has been reversed. */
    boolean reversed(UUID ledId, UUID targetId) {
        return LoanReversalRow.count("ledId = ?1 and targetId = ?2", ledId, targetId) > 0;
    }

    /** The member's name, for the descriptions of the loan's entries. */
    String memberName(UUID ledId, UUID memberId) {
        List<?> rows = entities.createNativeQuery("SELECT name FROM member WHERE led_id = ?1 AND id = ?2")
                .setParameter(1, ledId).setParameter(2, memberId).getResultList();
        return rows.isEmpty() ? "anggota" : rows.get(0).toString();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) value;
    }
}
