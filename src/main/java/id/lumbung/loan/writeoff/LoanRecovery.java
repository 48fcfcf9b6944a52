package id.lumbung.loan.writeoff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.lumbung.loan.LedScopedId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Money collected on a written-off loan; immutable once written. */
@Entity
@Table(name = "loan_recovery")
@IdClass(LedScopedId.class)
public class LoanRecovery extends PanacheEntityBase {

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    public UUID loanId;
    public BigDecimal amount;
    public LocalDate paidOn;
    public String account;
    public UUID entryId;
    public Instant recordedAt;
    public String recordedBy;
}
