package id.lumbung.ledger.journal;

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

import id.lumbung.loan.LedScopedId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A manual adjustment above the LED's threshold, waiting for a second manager (DESIGN §6). It is
 * not a journal entry: it gets its number, and is checked against closed periods, only when approved.
 */
@Entity
@Table(name = "pending_adjustment")
@IdClass(LedScopedId.class)
public class PendingAdjustment extends PanacheEntityBase {

    /** Where a pending adjustment is. */
    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    /** The adjustment as requested ({@link JournalEntryRequest} as JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String request;
    public BigDecimal total;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant requestedAt;
    public String requestedBy;
    public Instant decidedAt;
    public String decidedBy;
    public String decisionNote;
    public UUID entryId;
}
