package id.lumbung.statement.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.lumbung.platform.time.Timestamps;
import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.Signatory;
import id.lumbung.statement.StatementGroup;

/**
 * Reads and writes the statement settings on a connection the caller holds: a statement reads them
 * inside its own snapshot, so the mapping it prints with is the one in force at its chain head.
 */
public final class StatementSettingsStore {

    /** The settings with the version their ETag is made of; version 0 is the defaults. */
    public record Stored(StatementSettings settings, long version) {
    }

    private StatementSettingsStore() {
    }

    public static Stored read(Connection connection, UUID ledId, boolean lock) throws SQLException {
        String cashFlow;
        String place;
        boolean published;
        long version;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT lending_cash_flow, signature_place, version, public_summary_published
                  FROM statement_settings WHERE led_id = ?"""
                + (lock ? " FOR UPDATE" : ""))) {
            select.setObject(1, ledId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new Stored(StatementSettings.DEFAULTS, 0);
                }
                cashFlow = row.getString(1);
                place = row.getString(2);
                version = row.getLong(3);
                published = row.getBoolean(4);
            }
        }
        Map<UUID, StatementGroup> groups = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT account_id, statement_group FROM statement_account_group WHERE led_id = ?")) {
            select.setObject(1, ledId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    groups.put(row.getObject(1, UUID.class), StatementGroup.valueOf(row.getString(2)));
                }
            }
        }
        List<Signatory> signatories = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT title_id, title_en, name FROM statement_signatory WHERE led_id = ? ORDER BY position""")) {
            select.setObject(1, ledId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    signatories.add(new Signatory(row.getString(1), row.getString(2), row.getString(3)));
                }
            }
        }
        Map<SurplusTarget, String> targets = new EnumMap<>(SurplusTarget.class);
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT t.target, a.code FROM statement_allocation_target t
                  JOIN account a ON a.led_id = t.led_id AND a.id = t.account_id
                 WHERE t.led_id = ?""")) {
            select.setObject(1, ledId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    targets.put(SurplusTarget.valueOf(row.getString(1)), row.getString(2));
                }
            }
        }
        return new Stored(new StatementSettings(Map.copyOf(groups), LendingCashFlow.valueOf(cashFlow),
                new SignatureBlock(place, signatories), Map.copyOf(targets), published), version);
    }

    /**
     * Stores the settings as the version after {@code expected}; false when the row is no longer at
     * {@code expected} (only possible when there was none and another transaction inserted it).
     */
    static boolean write(Connection connection, UUID ledId, StatementSettings settings, String updatedBy,
            long expected) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO statement_settings (led_id, lending_cash_flow, signature_place, public_summary_published,
                    updated_at, updated_by, version)
                VALUES (?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (led_id) DO UPDATE SET lending_cash_flow = excluded.lending_cash_flow,
                    signature_place = excluded.signature_place,
                    public_summary_published = excluded.public_summary_published, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by, version = statement_settings.version + 1
                WHERE statement_settings.version = ?""")) {
            upsert.setObject(1, ledId);
            upsert.setString(2, settings.lendingCashFlow().name());
            upsert.setString(3, settings.signatureBlock().place());
            upsert.setBoolean(4, settings.publicSummaryPublished());
            upsert.setObject(5, OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC));
            upsert.setString(6, updatedBy);
            upsert.setLong(7, expected);
            if (upsert.executeUpdate() != 1) {
                return false;
            }
        }
        for (String table : List.of("statement_account_group", "statement_signatory",
                "statement_allocation_target")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE led_id = ?")) {
                delete.setObject(1, ledId);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO statement_account_group (led_id, account_id, statement_group) VALUES (?, ?, ?)")) {
            for (Map.Entry<UUID, StatementGroup> group : settings.accountGroups().entrySet()) {
                insert.setObject(1, ledId);
                insert.setObject(2, group.getKey());
                insert.setString(3, group.getValue().name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO statement_signatory (led_id, position, title_id, title_en, name)
                VALUES (?, ?, ?, ?, ?)""")) {
            int position = 1;
            for (Signatory signatory : settings.signatureBlock().signatories()) {
                insert.setObject(1, ledId);
                insert.setInt(2, position++);
                insert.setString(3, signatory.title());
                insert.setString(4, signatory.titleEn());
                insert.setString(5, signatory.name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO statement_allocation_target (led_id, target, account_id)
                SELECT ?, ?, id FROM account WHERE led_id = ? AND code = ?""")) {
            for (Map.Entry<SurplusTarget, String> target : settings.allocationTargets().entrySet()) {
                insert.setObject(1, ledId);
                insert.setString(2, target.getKey().name());
                insert.setObject(3, ledId);
                insert.setString(4, target.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return true;
    }
}
