package id.lumbung.loan.writeoff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import id.lumbung.loan.LedScopedId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A request to write a loan off, and once completed the write-off itself. A pending request is
 * decided once (a trigger keeps a decided row as it is); at most one is pending or completed per
 * loan.
 */
@Entity
@Table(name = "loan_write_off")
@IdClass(LedScopedId.class)
public class LoanWriteOff extends PanacheEntityBase {

    /** Where a write-off request is. */
    public enum Status {
        PENDING_APPROVAL,
        COMPLETED,
        REJECTED
    }

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    public UUID loanId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public LocalDate writtenOffOn;
    public String reason;
    public BigDecimal principal;
    public BigDecimal fromAllowance;
    public BigDecimal fromExpense;
    public UUID entryId;
    public Instant requestedAt;
    public String requestedBy;
    public Instant decidedAt;
    public String decidedBy;
    public String decisionNote;

    /** The loan's request that is pending or completed, or null. */
    static LoanWriteOff open(UUID ledId, UUID loanId) {
        return find("ledId = ?1 and loanId = ?2 and status <> ?3", ledId, loanId, Status.REJECTED).firstResult();
    }

    /** The loan's latest request, whatever became of it, or null. */
    static LoanWriteOff latest(UUID ledId, UUID loanId) {
        return find("ledId = ?1 and loanId = ?2 order by requestedAt desc, id desc", ledId, loanId).firstResult();
    }
}
