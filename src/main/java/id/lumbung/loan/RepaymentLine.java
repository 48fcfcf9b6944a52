package id.lumbung.loan;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What one repayment paid of one installment, and the penalty it charged there. Never changed. */
@Entity
@Table(name = "loan_repayment_line")
@IdClass(RepaymentLine.Key.class)
public class RepaymentLine extends PanacheEntityBase {

    /** (led_id, repayment_id, number). */
    public static class Key implements Serializable {
        public UUID ledId;
        public UUID repaymentId;
        public int number;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && number == other.number && Objects.equals(ledId, other.ledId)
                    && Objects.equals(repaymentId, other.repaymentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ledId, repaymentId, number);
        }
    }

    @Id
    public UUID ledId;
    @Id
    public UUID repaymentId;
    @Id
    public int number;
    public BigDecimal penaltyAccrued;
    public BigDecimal penalty;
    public BigDecimal interest;
    public BigDecimal principal;
}
