package id.lumbung.loan.group;

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

/** A payment a KUB group made together; its split is the shares' loan_repayment rows. Never changed. */
@Entity
@Table(name = "group_repayment")
@IdClass(LedScopedId.class)
public class GroupRepayment extends PanacheEntityBase {

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    public UUID groupLoanId;
    public int seq;
    public BigDecimal amount;
    public LocalDate paidOn;
    public String account;
    public UUID forMemberId;
    public UUID entryId;
    public Instant recordedAt;
    public String recordedBy;
}
