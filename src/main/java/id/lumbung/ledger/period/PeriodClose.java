package id.lumbung.ledger.period;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One closing of an LED's books through a date; the history auditors see. */
@Entity
@Table(name = "period_close")
@IdClass(PeriodClose.Key.class)
public class PeriodClose extends PanacheEntityBase {

    @Id
    public UUID ledId;
    @Id
    public LocalDate through;
    public Instant closedAt;
    public String closedBy;
    /** The journal's head when the books were closed: the entries the closed period's figures rest on. */
    public long chainNumber;
    public String chainHash;

    /** Composite key: an LED closes through a given date once. */
    public record Key(UUID ledId, LocalDate through) implements Serializable {
    }
}
