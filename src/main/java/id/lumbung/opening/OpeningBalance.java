package id.lumbung.opening;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The balances an LED carried over from its paper books: at most one per LED, never changed. */
@Entity
@Table(name = "opening_balance")
public class OpeningBalance extends PanacheEntityBase {

    /** The journal reference type of the opening balance entry. */
    public static final String REFERENCE_TYPE = "OPENING_BALANCE";

    @Id
    public UUID id;
    public UUID ledId;
    public LocalDate effectiveDate;
    public int lineCount;
    /** Total debits, equal to total credits. */
    public BigDecimal total;
    public UUID entryId;
    public Instant recordedAt;
    public String recordedBy;
}
