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
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.LedCalendar;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.loan.repayment.AllocationOrder;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;
import id.lumbung.platform.cache.LoadingCache;
import id.lumbung.platform.error.ApiException;
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

    public SettingsService(DataSource dataSource, PostingRules rules, LedCalendar calendar, SystemAccounts system) {
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

    private LendingSettings load(UUID ledId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT approval_threshold, allocation_order, rounding_step, rounding_mode,
                               disbursement_account, collection_account, time_zone, adjustment_approval_threshold
                          FROM lending_settings WHERE led_id = ?""")) {
            select.setObject(1, ledId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return defaults(ledId);
                }
                BigDecimal adjustment = row.getBigDecimal(8);
                return new LendingSettings(Amount.of(row.getBigDecimal(1)), AllocationOrder.valueOf(row.getString(2)),
                        new Rounding(row.getBigDecimal(3), RoundingMode.valueOf(row.getString(4))), row.getString(5),
                        row.getString(6), ZoneId.of(row.getString(7)),
                        adjustment == null ? null : Amount.of(adjustment));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading lending settings failed: SQL state " + e.getSQLState(), e);
        }
    }

    @Transactional
    public LendingSettingsView view(UUID ledId) {
        return LendingSettingsView.from(lending(ledId));
    }

    /** Replaces the settings; fields the request leaves out take their defaults. */
    @Transactional
    public LendingSettingsView replace(UUID ledId, @NotNull @Valid LendingSettingsRequest request, String updatedBy) {
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
        store(ledId, settings, updatedBy);
        calendar.forget(ledId);
        cache.invalidate(ledId);
        return LendingSettingsView.from(settings);
    }

    private void store(UUID ledId, LendingSettings settings, String updatedBy) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO lending_settings (led_id, approval_threshold, allocation_order, rounding_step,
                            rounding_mode, disbursement_account, collection_account, time_zone,
                            adjustment_approval_threshold, updated_at, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (led_id) DO UPDATE SET approval_threshold = excluded.approval_threshold,
                            allocation_order = excluded.allocation_order, rounding_step = excluded.rounding_step,
                            rounding_mode = excluded.rounding_mode,
                            disbursement_account = excluded.disbursement_account,
                            collection_account = excluded.collection_account, time_zone = excluded.time_zone,
                            adjustment_approval_threshold = excluded.adjustment_approval_threshold,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")) {
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
            upsert.setString(p, updatedBy);
            upsert.executeUpdate();
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
