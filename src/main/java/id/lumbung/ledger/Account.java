package id.lumbung.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.lumbung.money.Amount;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An account in one LED's chart. Its running totals are written only by {@link JournalWriter}, in
 * the transaction that posts to it; Hibernate never updates them.
 */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID ledId;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public AccountType type;
    public boolean contra;
    @Enumerated(EnumType.STRING)
    public Side normalSide;
    public boolean noNegative;
    public UUID parentId;
    public String ownerType;
    public UUID ownerId;
    /** Set on the system's accounts only; never changes (a trigger refuses it). */
    @Enumerated(EnumType.STRING)
    public AccountPurpose purpose;
    @Column(updatable = false)
    public BigDecimal debitsPosted = BigDecimal.ZERO;
    @Column(updatable = false)
    public BigDecimal creditsPosted = BigDecimal.ZERO;
    public Instant createdAt;
    public String createdBy;

    /** The balance signed by the normal side: positive is what a reader of the account expects. */
    public static Amount balance(Side normalSide, BigDecimal debits, BigDecimal credits) {
        BigDecimal signed = normalSide == Side.DEBIT ? debits.subtract(credits) : credits.subtract(debits);
        return Amount.of(signed);
    }
}
