package id.lumbung.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.LedCalendar;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.loan.repayment.AllocationOrder;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;
import id.lumbung.platform.cache.LoadingCache;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.http.ETags;
import id.lumbung.platform.time.Timestamps;

/** Reads and replaces an LED's lending settings (loans, maker–checker thresholds, its calendar). */
@ApplicationScoped
public class SettingsService {

    private final DataSource dataSource;
    private final PostingRules rules;
    private final LedCalendar calendar;
    private final SystemAccounts system;
    /** Read on every loan operation and adjustment; a change is seen by other replicas within 15 s. */
    private final LoadingCache<UUID, LendingSettings> cache = new LoadingCache<>(Duration.ofSeconds(15), 100_000,
            this::load);

    private final AuditTrail audit;

    public SettingsService(DataSource dataSource, PostingRules rules, LedCalendar calendar, SystemAccounts system,
            AuditTrail audit) {
        this.audit = audit;
        this.system = system;
        this.dataSource = dataSource;
        this.rules = rules;
        this.calendar = calendar;
    }

    /** The LED's settings in force: the stored ones, or the documented defaults. */
    public LendingSettings lending(UUID ledId) {
        return cache.get(ledId);
    }

    private LendingSettings defaults(UUID ledId) {
        return LendingSettings.defaults(system.code(ledId, AccountPurpose.BANK),
                system.code(ledId, AccountPurpose.CASH));
    }

    /** The settings as stored with their version; version 0 is the defaults of an LED that never stored any. */
    public record Versioned(LendingSettingsView settings, long version) {
    }

    private record Stored(LendingSettings settings, long version) {
    }

    private LendingSettings load(UUID ledId) {
        return load(ledId, false).settings();
    }

    /** The stored settings (or the defaults, version 0); {@code lock} holds the row until commit. */
    private Stored load(UUID ledId, boolean lock) {
        // The defaults are made after the connection is given back: they read the system accounts on a
        // connection of their own, and a thread that holds one connection while it waits for a second can
        // deadlock the pool (eight requests did, each holding one of the eight).
        return stored(ledId, lock).orElseGet(() -> new Stored(defaults(ledId), 0));
    }

    private Optional<Stored> stored(UUID ledId, boolean lock) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT approval_threshold, allocation_order, rounding_step, rounding_mode,
                               disbursement_account, collection_account, time_zone, adjustment_approval_threshold,
                               version
                          FROM lending_settings WHERE led_id = ?""" + (lock ? " FOR UPDATE" : ""))) {
            select.setObject(1, ledId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                BigDecimal adjustment = row.getBigDecimal(8);
                return Optional.of(new Stored(new LendingSettings(Amount.of(row.getBigDecimal(1)),
                        AllocationOrder.valueOf(row.getString(2)),
                        new Rounding(row.getBigDecimal(3), RoundingMode.valueOf(row.getString(4))), row.getString(5),
                        row.getString(6), ZoneId.of(row.getString(7)),
                        adjustment == null ? null : Amount.of(adjustment)), row.getLong(9)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading lending settings failed: SQL state " + e.getSQLState(), e);
        }
    }

    /** The settings read now (not from the cache), with the version their ETag is made of. */
    @Transactional
    public Versioned versioned(UUID ledId) {
        Stored stored = load(ledId, false);
        return new Versioned(LendingSettingsView.from(stored.settings()), stored.version());
    }

    /**
     * Replaces the settings; fields the request leaves out take their defaults. With
     * {@code ifMatch}, only while the stored version is still that one (412 otherwise), checked under
     * the row's lock and again by the write itself for an LED whose first settings two managers store
     * at once.
     */
    @Transactional
    public Versioned replace(UUID ledId, @NotNull @Valid LendingSettingsRequest request, String updatedBy,
            String ifMatch) {
        LendingSettings defaults = defaults(ledId);
        Amount threshold = orDefault(request.approvalThreshold(), defaults.approvalThreshold());
        requireNotNegative(threshold, "approvalThreshold");
        if (request.adjustmentApprovalThreshold() != null) {
            requireNotNegative(request.adjustmentApprovalThreshold(), "adjustmentApprovalThreshold");
        }
        if (request.rounding() != null && !request.rounding().step().isPositive()) {
            throw ApiException.invalidField("rounding.step", "must be greater than zero");
        }
        Rounding rounding = request.rounding() == null ? defaults.rounding() : request.rounding().toRounding();
        String zone = orDefault(request.timeZone(), defaults.timeZone().getId());
        if (!LendingSettings.TIME_ZONES.contains(zone)) {
            throw ApiException.invalidField("timeZone", "must be one of " + String.join(", ",
                    LendingSettings.TIME_ZONES));
        }
        String disbursement = orDefault(request.disbursementAccount(), defaults.disbursementAccount());
        String collection = orDefault(request.collectionAccount(), defaults.collectionAccount());
        rules.requireCashOrBank(ledId, disbursement, "disbursementAccount");
        rules.requireCashOrBank(ledId, collection, "collectionAccount");
        LendingSettings settings = new LendingSettings(threshold,
                orDefault(request.allocationOrder(), defaults.allocationOrder()),
                new Rounding(rounding.step().setScale(2), rounding.mode()), disbursement, collection, ZoneId.of(zone),
                request.adjustmentApprovalThreshold());
        Stored current = load(ledId, true);
        ETags.requireMatch(ifMatch, current.version());
        if (!store(ledId, settings, updatedBy, current.version())) {
            throw ETags.given(ifMatch) ? ETags.stale(current.version() + 1)
                    : new ApiException(ProblemType.CONCURRENT_UPDATE, "another manager stored this LED's first "
                            + "lending settings at the same moment; read them and retry");
        }
        audit.record(ledId, "lending-settings.replaced", "lending-settings", ledId, changes(current.settings(),
                settings));
        calendar.forget(ledId);
        cache.invalidate(ledId);
        return new Versioned(LendingSettingsView.from(settings), current.version() + 1);
    }

    private static Changes changes(LendingSettings old, LendingSettings now) {
        return Changes.of()
                .field("approvalThreshold", old.approvalThreshold(), now.approvalThreshold())
                .field("allocationOrder", old.allocationOrder(), now.allocationOrder())
                .field("rounding.step", old.rounding().step().setScale(2), now.rounding().step().setScale(2))
                .field("rounding.mode", old.rounding().mode(), now.rounding().mode())
                .field("disbursementAccount", old.disbursementAccount(), now.disbursementAccount())
                .field("collectionAccount", old.collectionAccount(), now.collectionAccount())
                .field("timeZone", old.timeZone().getId(), now.timeZone().getId())
                .field("adjustmentApprovalThreshold", old.adjustmentApprovalThreshold(),
                        now.adjustmentApprovalThreshold());
    }

    /**
     * Stores the settings as the version after {@code expected}; false when the row is no longer at
     * {@code expected} (only possible when there was none and another transaction inserted it).
     */
    private boolean store(UUID ledId, LendingSettings settings, String updatedBy, long expected) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO lending_settings (led_id, approval_threshold, allocation_order, rounding_step,
                            rounding_mode, disbursement_account, collection_account, time_zone,
                            adjustment_approval_threshold, updated_at, updated_by, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                        ON CONFLICT (led_id) DO UPDATE SET approval_threshold = excluded.approval_threshold,
                            allocation_order = excluded.allocation_order, rounding_step = excluded.rounding_step,
                            rounding_mode = excluded.rounding_mode,
                            disbursement_account = excluded.disbursement_account,
                            collection_account = excluded.collection_account, time_zone = excluded.time_zone,
                            adjustment_approval_threshold = excluded.adjustment_approval_threshold,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                            version = lending_settings.version + 1
                        WHERE lending_settings.version = ?""")) {
            int p = 1;
            upsert.setObject(p++, ledId);
            upsert.setBigDecimal(p++, settings.approvalThreshold().value());
            upsert.setString(p++, settings.allocationOrder().name());
            upsert.setBigDecimal(p++, settings.rounding().step());
            upsert.setString(p++, settings.rounding().mode().name());
            upsert.setString(p++, settings.disbursementAccount());
            upsert.setString(p++, settings.collectionAccount());
            upsert.setString(p++, settings.timeZone().getId());
            upsert.setBigDecimal(p++, settings.adjustmentApprovalThreshold() == null ? null
                    : settings.adjustmentApprovalThreshold().value());
            upsert.setObject(p++, OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC));
            upsert.setString(p++, updatedBy);
            upsert.setLong(p, expected);
            return upsert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("storing lending settings failed: SQL state " + e.getSQLState(), e);
        }
    }

    private static void requireNotNegative(Amount amount, String field) {
        if (amount.value().compareTo(BigDecimal.ZERO) < 0) {
            throw ApiException.invalidField(field, "must not be negative");
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
