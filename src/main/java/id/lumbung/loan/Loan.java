package id.lumbung.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import id.lumbung.loan.repayment.AllocationOrder;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A member's loan and its current state. The current state (status, outstanding principal, the
 * installments' paid amounts) is kept, never replayed from history on a read; what happened when
 * is in the immutable disbursement, repayment and reversal rows.
 */
@Entity
@Table(name = "loan")
@IdClass(LedScopedId.class)
public class Loan extends PanacheEntityBase {

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    public UUID memberId;
    public UUID productId;
    public UUID groupId;
    /** The KUB group loan this loan is a member's share of (tanggung renteng), or null. */
    public UUID groupLoanId;
    public UUID grantId;
    public String purpose;
    public BigDecimal principal;
    public int installments;
    public BigDecimal interestRate;
    @Enumerated(EnumType.STRING)
    public LoanStatus status;
    public Instant appliedAt;
    public String appliedBy;
    public Instant decidedAt;
    public String decidedBy;
    public String decisionNote;
    public UUID disbursementId;
    public LocalDate disbursedOn;
    public BigDecimal roundingStep;
    public String roundingMode;
    @Enumerated(EnumType.STRING)
    public AllocationOrder allocationOrder;
    public BigDecimal outstandingPrincipal;
    public int repaymentCount;
    public LocalDate latestEventOn;
    public LocalDate closedOn;
    /** Set when it is WRITTEN_OFF: the day, and the principal that left loans receivable. */
    public LocalDate writtenOffOn;
    public BigDecimal writtenOffPrincipal;
    /** Collected on it since the write-off (recovery income), never more than was written off. */
    public BigDecimal recovered = BigDecimal.ZERO;
    /** The schedule version loan_installment holds: 1 from disbursement, one more for each reschedule. */
    public int scheduleVersion = 1;
    /** The day the current schedule version took over; null while the loan was never rescheduled. */
    public LocalDate rescheduledOn;
    /** Interest the current version's first installment carries from the one it replaced (0 if none). */
    public BigDecimal carriedInterest = BigDecimal.ZERO.setScale(2);
    public Instant updatedAt;

    /** The loan of this LED, or null. */
    public static Loan find(UUID ledId, UUID loanId) {
        return find("ledId = ?1 and id = ?2", ledId, loanId).firstResult();
    }

    /**
     * The loan locked for a change: racing repayments, disbursements and reversals of one loan
     * queue here, before any of them touches the journal head (always in that order).
     */
    public static Loan lock(UUID ledId, UUID loanId) {
        return find("ledId = ?1 and id = ?2", ledId, loanId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Moves the latest day anything was dated on the loan forward to {@code day}. */
    public void touched(LocalDate day) {
        if (latestEventOn == null || day.isAfter(latestEventOn)) {
            latestEventOn = day;
        }
    }
}
