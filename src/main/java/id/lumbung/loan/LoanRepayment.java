package id.lumbung.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A repayment as recorded: what came in, how it was allocated, and the entry that booked it. Never changed. */
@Entity
@Table(name = "loan_repayment")
@IdClass(LedScopedId.class)
public class LoanRepayment extends PanacheEntityBase {

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    public UUID loanId;
    public int seq;
    public BigDecimal amount;
    public LocalDate paidOn;
    public String account;
    public BigDecimal penalty;
    public BigDecimal interest;
    public BigDecimal principal;
    /** The installments this repayment changed, as they were before it (JSON), for an exact reversal. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String installmentsBefore;
    public UUID entryId;
    /** The KUB group's payment this repayment is this loan's part of, or null. */
    public UUID groupRepaymentId;
    public Instant recordedAt;
    public String recordedBy;

    /** The loan's repayments that stand: not reversed. */
    private static final String STANDING = "ledId = ?1 and loanId = ?2 and id not in"
            + " (select v.targetId from LoanReversalRow v where v.ledId = ?1 and v.loanId = ?2)";

    /** How many of the loan's repayments stand (are not reversed). */
    static long standing(UUID ledId, UUID loanId) {
        return count(STANDING, ledId, loanId);
    }

    /** The loan's latest standing repayment, or null when none stands. */
    static LoanRepayment latestStanding(UUID ledId, UUID loanId) {
        return find(STANDING + " order by seq desc", ledId, loanId).firstResult();
    }
}
