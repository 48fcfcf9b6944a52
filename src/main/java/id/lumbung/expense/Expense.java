package id.lumbung.expense;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An operating expense the LED paid, and the entry that booked it. Never changed. */
@Entity
@Table(name = "expense")
public class Expense extends PanacheEntityBase {

    /** The journal reference type of an expense's entry. */
    public static final String REFERENCE_TYPE = "EXPENSE";

    @Id
    public UUID id;
    public UUID ledId;
    public String accountCode;
    public BigDecimal amount;
    public LocalDate paidOn;
    public String description;
    public String payee;
    public String paidFrom;
    public UUID entryId;
    public Instant recordedAt;
    public String recordedBy;
}
