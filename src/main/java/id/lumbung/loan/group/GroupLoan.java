package id.lumbung.loan.group;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import id.lumbung.loan.LedScopedId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A KUB group's loan: the application its members' shares (loans of their own) were made under.
 * Its status, decision and positions are its shares'; it keeps only what they share.
 */
@Entity
@Table(name = "group_loan")
@IdClass(LedScopedId.class)
public class GroupLoan extends PanacheEntityBase {

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    public UUID groupId;
    public UUID productId;
    public UUID grantId;
    public String purpose;
    /** The shares' principal together. */
    public BigDecimal principal;
    public int shares;
    public Instant appliedAt;
    public String appliedBy;
    /** The one LOAN_DISBURSEMENT entry that paid every share out. */
    public UUID disbursementEntryId;

    /** The group's loan of this LED and group, or null. */
    static GroupLoan find(UUID ledId, UUID groupId, UUID groupLoanId) {
        return find("ledId = ?1 and groupId = ?2 and id = ?3", ledId, groupId, groupLoanId).firstResult();
    }
}
