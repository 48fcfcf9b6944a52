package id.lumbung.loan.group;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import id.lumbung.loan.LedScopedId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The reversal of a group's payment; each share's part also has its loan_reversal row. Never changed. */
@Entity
@Table(name = "group_repayment_reversal")
@IdClass(LedScopedId.class)
public class GroupRepaymentReversal extends PanacheEntityBase {

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    public UUID groupRepaymentId;
    public LocalDate effectiveDate;
    public String reason;
    public UUID entryId;
    public Instant recordedAt;
    public String recordedBy;
}
