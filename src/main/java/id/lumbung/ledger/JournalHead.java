package id.lumbung.ledger;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The head of an LED's journal: last number, last hash and the date the books are closed through.
 * Its row lock is what serialises the writes of one LED.
 */
@Entity
@Table(name = "journal_head")
public class JournalHead extends PanacheEntityBase {

    @Id
    public UUID ledId;
    public long lastNumber;
    @Column(length = 64)
    public String lastHash;
    public LocalDate closedThrough;
}
