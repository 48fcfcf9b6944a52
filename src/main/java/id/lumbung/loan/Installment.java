package id.lumbung.loan;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.money.Amount;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One installment of a disbursed loan's schedule, with what has been paid of it. */
@Entity
@Table(name = "loan_installment")
@IdClass(Installment.Key.class)
public class Installment extends PanacheEntityBase {

    /** (led_id, loan_id, number). */
    public static class Key implements Serializable {
        public UUID ledId;
        public UUID loanId;
        public int number;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && number == other.number && Objects.equals(ledId, other.ledId)
                    && Objects.equals(loanId, other.loanId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ledId, loanId, number);
        }
    }

    @Id
    public UUID ledId;
    @Id
    public UUID loanId;
    @Id
    public int number;
    public LocalDate dueOn;
    public BigDecimal principal;
    public BigDecimal interest;
    public BigDecimal paidPrincipal;
    public BigDecimal paidInterest;
    public BigDecimal penaltyCharged;
    public BigDecimal paidPenalty;
    public LocalDate penaltyThrough;

    /** The loan's installments in order. */
    public static List<Installment> of(UUID ledId, UUID loanId) {
        return list("ledId = ?1 and loanId = ?2 order by number", ledId, loanId);
    }

    public InstallmentState state() {
        return new InstallmentState(number, dueOn, Amount.of(principal), Amount.of(interest), Amount.of(paidPrincipal),
                Amount.of(paidInterest), Amount.of(penaltyCharged), Amount.of(paidPenalty), penaltyThrough);
    }

    /** Takes over the amounts of a state (after a repayment, or back before it on a reversal). */
    public void apply(InstallmentState state) {
        principal = state.principal().value();
        interest = state.interest().value();
        paidPrincipal = state.paidPrincipal().value();
        paidInterest = state.paidInterest().value();
        penaltyCharged = state.penaltyCharged().value();
        paidPenalty = state.paidPenalty().value();
        penaltyThrough = state.penaltyThrough();
    }

    static Installment create(UUID ledId, UUID loanId, InstallmentState state) {
        Installment row = new Installment();
        row.ledId = ledId;
        row.loanId = loanId;
        row.number = state.number();
        row.dueOn = state.dueOn();
        row.apply(state);
        return row;
    }
}
