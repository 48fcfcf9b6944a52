package id.lumbung.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import id.lumbung.loan.LedScopedId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Money moved between two of the LED's own cash and bank accounts, and the entry that booked it. Never changed. */
@Entity
@Table(name = "cash_transfer")
@IdClass(LedScopedId.class)
public class Transfer extends PanacheEntityBase {

    /** The journal reference type of a transfer's entry. */
    public static final String REFERENCE_TYPE = "TRANSFER";

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    public String fromAccount;
    public String toAccount;
    public BigDecimal amount;
    public LocalDate transferredOn;
    public String description;
    public UUID entryId;
    public Instant recordedAt;
    public String recordedBy;
}
