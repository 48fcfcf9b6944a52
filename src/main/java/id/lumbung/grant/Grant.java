package id.lumbung.grant;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A tranche of district grant capital (hibah) the LED received, and the entry that put it in the
 * books. Never changed once written (the schema refuses it); a mistake is reversed in the journal.
 */
@Entity
@Table(name = "district_grant")
public class Grant extends PanacheEntityBase {

    /** The journal reference type of a grant's entry. */
    public static final String REFERENCE_TYPE = "GRANT";

    @Id
    public UUID id;
    public UUID ledId;
    public String source;
    public String decreeNumber;
    public BigDecimal amount;
    public LocalDate receivedOn;
    public String accountCode;
    public UUID entryId;
    public Instant recordedAt;
    public String recordedBy;
}
