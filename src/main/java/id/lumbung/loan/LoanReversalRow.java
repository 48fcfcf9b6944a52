package id.lumbung.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored reversal of a disbursement or repayment (read side; written by {@link LoanRecords}). */
@Entity
@Table(name = "loan_reversal")
@IdClass(LedScopedId.class)
public class LoanReversalRow extends PanacheEntityBase {

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    public UUID loanId;
    public String target;
    public UUID targetId;
    public LocalDate effectiveDate;
    public String reason;
    public UUID entryId;
    public Instant recordedAt;
    public String recordedBy;
}
