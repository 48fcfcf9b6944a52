package id.lumbung.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.lumbung.platform.error.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A training programme of one LED: its run, venue and segment. Modules and funding lines are rows of their own. */
@Entity
@Table(name = "training_programme")
public class Programme extends PanacheEntityBase {

    /** The journal reference type of a programme's funding receipts and expenses. */
    public static final String REFERENCE_TYPE = "TRAINING_PROGRAMME";

    @Id
    public UUID id;
    public UUID ledId;
    public String name;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public String venue;
    @Enumerated(EnumType.STRING)
    public VenueType venueType;
    @Enumerated(EnumType.STRING)
    public Segment segment;
    public Integer sessionsPerWeek;
    public BigDecimal hoursPerSession;
    public Instant createdAt;
    public String createdBy;

    public static Optional<Programme> find(UUID ledId, UUID programmeId) {
        return Programme.<Programme>find("ledId = ?1 and id = ?2", ledId, programmeId).firstResultOptional();
    }

    /** The LED's programme, or 404: another LED's programme is not there. */
    public static Programme require(UUID ledId, UUID programmeId) {
        return find(ledId, programmeId).orElseThrow(() -> ApiException.notFound("programme " + programmeId));
    }

    /** Whether the day falls within the programme's run, both ends included. */
    public boolean runs(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
