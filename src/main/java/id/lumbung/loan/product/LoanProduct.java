package id.lumbung.loan.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import id.lumbung.loan.LedScopedId;
import id.lumbung.loan.schedule.Frequency;
import id.lumbung.loan.schedule.InterestMethod;
import id.lumbung.loan.schedule.RatePeriod;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The terms an LED lends on. Never edited once created (the database refuses it); only retired. */
@Entity
@Table(name = "loan_product")
@IdClass(LedScopedId.class)
public class LoanProduct extends PanacheEntityBase {

    @Id
    public UUID ledId;
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public InterestMethod interestMethod;
    public BigDecimal interestRate;
    @Enumerated(EnumType.STRING)
    public RatePeriod ratePeriod;
    @Enumerated(EnumType.STRING)
    public Frequency frequency;
    public int installments;
    public int graceInstallments;
    public BigDecimal adminFeePercent;
    public BigDecimal penaltyRatePerDay;
    public BigDecimal minPrincipal;
    public BigDecimal maxPrincipal;
    public Integer minInstallments;
    public Integer maxInstallments;
    public boolean active;
    public Instant createdAt;
    public String createdBy;

    /** The product of this LED, or null. */
    public static LoanProduct find(UUID ledId, UUID id) {
        return find("ledId = ?1 and id = ?2", ledId, id).firstResult();
    }
}
