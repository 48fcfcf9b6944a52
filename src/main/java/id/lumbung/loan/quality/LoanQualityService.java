package id.lumbung.loan.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.ledger.JournalHead;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.platform.cache.LoadingCache;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.http.ETags;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.time.Timestamps;

/**
 * An LED's loan-quality setting, effective-dated: every change is a row (who, when, from which day),
 * never edited, and a computation as of a day uses the change in force on that day, so a report
 * handed to an auditor can be reproduced later. A change may not take effect before the latest one
 * (that would rewrite figures already computed), after today, or inside a closed period.
 */
@ApplicationScoped
public class LoanQualityService {

    /** One stored change; {@code id} null for the default, which no row records. */
    public record Change(UUID id, int seq, LocalDate effectiveFrom, QualitySetting setting, Instant changedAt,
            String changedBy) {
    }

    /** The default, in force until the first change. */
    public static final Change DEFAULT = new Change(null, 0, LocalDate.MIN, QualitySetting.DEFAULT, null, null);

    private static final TypeReference<List<QualityClass>> CLASSES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final PostingService posting;
    private final PostingRules rules;
    /** Read on every loan read; a change is seen by other replicas within 15 s (provisions read afresh). */
    private final LoadingCache<UUID, List<Change>> cache = new LoadingCache<>(Duration.ofSeconds(15), 100_000,
            this::load);

    private final AuditTrail audit;

    public LoanQualityService(DataSource dataSource, ObjectMapper json, PostingService posting, PostingRules rules,
            AuditTrail audit) {
        this.audit = audit;
        this.dataSource = dataSource;
        this.json = json;
        this.posting = posting;
        this.rules = rules;
    }

    /** The change in force on {@code day} (from the cache: loan reads). */
    public Change inForce(UUID ledId, LocalDate day) {
        return inForce(cache.get(ledId), day);
    }

    /** The change in force on {@code day}, read from the database now (money: provisions). */
    public Change inForceNow(UUID ledId, LocalDate day) {
        return inForce(load(ledId), day);
    }

    private static Change inForce(List<Change> changes, LocalDate day) {
        Change found = DEFAULT;
        for (Change change : changes) {
            if (!change.effectiveFrom().isAfter(day)) {
                found = change;
            }
        }
        return found;
    }

    /** A view of the setting with the version its ETag is made of: the latest change's seq (0: the default). */
    public record Versioned(LoanQualitySettingsView settings, long version) {
    }

    /** The setting in force on {@code asOf} (default today) and the whole history. */
    @Transactional
    public Versioned view(UUID ledId, LocalDate asOf) {
        LocalDate day = asOf == null ? posting.today(ledId) : asOf;
        List<Change> changes = load(ledId);
        return new Versioned(view(changes, day), latest(changes).seq());
    }

    private static Change latest(List<Change> changes) {
        return changes.isEmpty() ? DEFAULT : changes.get(changes.size() - 1);
    }

    /**
     * Records a change from {@code effectiveFrom} (default today). The same setting as the one in
     * force from the same or an earlier day records nothing, so a retried PUT changes nothing. With
     * {@code ifMatch}, only while the latest change is still that version (412 otherwise); two
     * changes from the same version race for the same seq, and the unique seq lets only one in.
     */
    @Transactional
    public Versioned change(UUID ledId, @NotNull @Valid LoanQualityRequest request, String changedBy,
            String ifMatch) {
        QualitySetting setting = setting(request);
        LocalDate today = posting.today(ledId);
        LocalDate from = request.effectiveFrom() == null ? today : request.effectiveFrom();
        rules.requireNotInFuture(ledId, from, "effectiveFrom");
        JournalHead head = JournalHead.<JournalHead>findByIdOptional(ledId, LockModeType.PESSIMISTIC_READ)
                .orElseThrow(() -> ApiException.notFound("LED " + ledId));
        if (head.closedThrough != null && !from.isAfter(head.closedThrough)) {
            throw new ApiException(ProblemType.PERIOD_CLOSED, "books of this LED are closed through "
                    + head.closedThrough + "; a loan-quality change from " + from + " would change figures of a "
                    + "closed period", List.of(new Problem.FieldError("effectiveFrom", "must be after "
                            + head.closedThrough + ", the day the books are closed through")));
        }
        List<Change> changes = load(ledId);
        Change latest = latest(changes);
        ETags.requireMatch(ifMatch, latest.seq());
        if (from.isBefore(latest.effectiveFrom())) {
            throw new ApiException(ProblemType.LOAN_QUALITY_CHANGE_OUT_OF_ORDER, "the latest loan-quality change "
                    + "takes effect on " + latest.effectiveFrom() + "; a change cannot take effect before it (" + from
                    + ")", List.of(new Problem.FieldError("effectiveFrom", "must be on or after "
                            + latest.effectiveFrom())));
        }
        if (!latest.setting().equals(setting)) {
            Change change = new Change(Ids.next(), latest.seq() + 1, from, setting, Timestamps.now(), changedBy);
            insert(ledId, change, ifMatch);
            audit.record(ledId, "loan-quality-settings.changed", "loan-quality-settings", ledId, Changes.of()
                    .field("effectiveFrom", latest.id() == null ? null : latest.effectiveFrom(), from)
                    .field("preset", latest.setting().preset(), setting.preset())
                    .field("measure", measure(latest.setting()), measure(setting))
                    .field("classes", classes(latest.setting()), classes(setting)));
            changes = new ArrayList<>(changes);
            changes.add(change);
            cache.invalidate(ledId);
        }
        return new Versioned(view(changes, from), latest(changes).seq());
    }

    private static QualityMeasure measure(QualitySetting setting) {
        return setting.custom() == null ? null : setting.custom().measure();
    }

    private String classes(QualitySetting setting) {
        return setting.custom() == null ? null : write(setting.custom().classes());
    }

    private LoanQualitySettingsView view(List<Change> changes, LocalDate day) {
        Change current = inForce(changes, day);
        List<LoanQualityChangeView> history = new ArrayList<>(changes.size());
        QualitySetting before = QualitySetting.DEFAULT;
        for (Change change : changes) {
            history.add(new LoanQualityChangeView(change.id(), change.effectiveFrom(), change.changedAt(),
                    change.changedBy(), LoanQualityTableView.from(before),
                    LoanQualityTableView.from(change.setting())));
            before = change.setting();
        }
        return new LoanQualitySettingsView(day, current.id(), current.id() == null ? null : current.effectiveFrom(),
                LoanQualityTableView.from(current.setting()), history);
    }

    /** The request as a setting: 400 when it is neither or both a preset and a table, 422 for a bad table. */
    private static QualitySetting setting(LoanQualityRequest request) {
        boolean table = request.measure() != null || request.classes() != null;
        if (request.preset() != null && table) {
            throw ApiException.invalidField("preset", "give a preset or a custom table (measure and classes), "
                    + "not both");
        }
        if (request.preset() != null) {
            return QualitySetting.of(request.preset());
        }
        if (!table) {
            throw ApiException.invalidField("preset", "give a preset (BANK, LKM, UPK) or a custom table (measure "
                    + "and classes)");
        }
        List<QualityTable.Violation> violations = QualityTable.violations(request.measure(), request.classes());
        if (!violations.isEmpty()) {
            throw ApiException.ofFields(ProblemType.LOAN_QUALITY_TABLE_INVALID, violations.stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message())).toList(),
                    "rules of a kolektibilitas table are broken");
        }
        List<QualityClass> classes = request.classes().stream().map(QualityClass::normalized).toList();
        return QualitySetting.custom(new QualityTable(request.measure(), classes));
    }

    private List<Change> load(UUID ledId) {
        List<Change> changes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT id, seq, effective_from, preset, measure, classes::text, changed_at, changed_by
                          FROM loan_quality_change WHERE led_id = ? ORDER BY seq""")) {
            select.setObject(1, ledId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String preset = row.getString(4);
                    QualitySetting setting = preset != null ? QualitySetting.of(QualityPreset.valueOf(preset))
                            : QualitySetting.custom(new QualityTable(QualityMeasure.valueOf(row.getString(5)),
                                    read(row.getString(6))));
                    changes.add(new Change(row.getObject(1, UUID.class), row.getInt(2),
                            row.getObject(3, LocalDate.class), setting,
                            row.getObject(7, OffsetDateTime.class).toInstant(), row.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading loan-quality changes failed: SQL state " + e.getSQLState(), e);
        }
        return changes;
    }

    private void insert(UUID ledId, Change change, String ifMatch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO loan_quality_change (led_id, id, seq, effective_from, preset, measure, classes,
                            changed_at, changed_by)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""")) {
            QualitySetting setting = change.setting();
            int p = 1;
            insert.setObject(p++, ledId);
            insert.setObject(p++, change.id());
            insert.setInt(p++, change.seq());
            insert.setObject(p++, change.effectiveFrom());
            insert.setString(p++, setting.preset() == null ? null : setting.preset().name());
            insert.setString(p++, setting.custom() == null ? null : setting.custom().measure().name());
            insert.setString(p++, setting.custom() == null ? null : write(setting.custom().classes()));
            insert.setObject(p++, OffsetDateTime.ofInstant(change.changedAt(), ZoneOffset.UTC));
            insert.setString(p, change.changedBy());
            insert.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) && ETags.given(ifMatch)) {
                throw ETags.stale(change.seq());
            }
            if ("23505".equals(e.getSQLState())) {
                throw new ApiException(ProblemType.CONCURRENT_UPDATE, "another loan-quality change was recorded "
                        + "at the same moment; read the settings and retry");
            }
            throw new IllegalStateException("storing a loan-quality change failed: SQL state " + e.getSQLState(), e);
        }
    }

    private String write(List<QualityClass> classes) {
        try {
            return json.writeValueAsString(classes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a quality table cannot be written as JSON", e);
        }
    }

    private List<QualityClass> read(String text) {
        try {
            return json.readValue(text, CLASSES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored quality table cannot be read", e);
        }
    }
}
