package id.lumbung.contribution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Money the community (or, later, a member) brought in, and the entry that booked it. Never changed. */
@Entity
@Table(name = "contribution")
public class Contribution extends PanacheEntityBase {

    /** The journal reference type of a contribution's entry. */
    public static final String REFERENCE_TYPE = "CONTRIBUTION";

    @Id
    public UUID id;
    public UUID ledId;
    @Enumerated(EnumType.STRING)
    public ContributionType type;
    public UUID memberId;
    public BigDecimal amount;
    public LocalDate receivedOn;
    public String description;
    public String accountCode;
    public UUID entryId;
    public Instant recordedAt;
    public String recordedBy;
}
