package id.lumbung.training;

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

/** A session held for one module of a programme; who attended is in training_attendance. */
@Entity
@Table(name = "training_session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID ledId;
    public UUID programmeId;
    public String moduleCode;
    public LocalDate heldOn;
    public String topic;
    @Enumerated(EnumType.STRING)
    public SessionMethod method;
    public BigDecimal hours;
    public Instant recordedAt;
    public String recordedBy;
}
