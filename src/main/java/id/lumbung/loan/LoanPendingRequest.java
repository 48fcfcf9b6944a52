package id.lumbung.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A loan decision above the LED's approval threshold, waiting for a second manager (maker–checker). */
@Entity
@Table(name = "loan_pending_request")
@IdClass(LedScopedId.class)
public class LoanPendingRequest extends PanacheEntityBase {

    /** What the request does once approved; a new kind (a write-off) adds its name here and in V12's CHECK. */
    public enum Action {
        RESCHEDULE
    }

    /** Where the request is: waiting, or decided either way. */
    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    public UUID loanId;
    @Enumerated(EnumType.STRING)
    public Action action;
    /** The request body as made (JSON), replayed when a second manager approves it. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String request;
    public BigDecimal outstandingPrincipal;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant requestedAt;
    public String requestedBy;
    public Instant decidedAt;
    public String decidedBy;
    public String decisionNote;
}
