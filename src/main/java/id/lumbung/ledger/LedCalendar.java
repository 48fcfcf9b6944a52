package id.lumbung.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.platform.cache.LoadingCache;

/**
 * Each LED's calendar: which day "today" is for its effective-date checks. An LED in Papua keeps
 * its books in Asia/Jayapura, two hours ahead of Jakarta, so a clerk recording at 00:30 local time
 * is not refused as future-dated. The zone is the lending settings' {@code timeZone}; an LED without
 * settings uses the service's default ({@code lumbung.ledger.zone}).
 *
 * <p>Read on every posting, so it is cached; the settings service forgets an LED's entry when it
 * changes, and another replica sees the change within {@link #KEEP}.
 */
@ApplicationScoped
public class LedCalendar {

    static final Duration KEEP = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final LedgerConfig config;
    private final Clock clock = Clock.systemUTC();
    private final LoadingCache<UUID, ZoneId> zones = new LoadingCache<>(KEEP, 100_000, this::load);

    public LedCalendar(DataSource dataSource, LedgerConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The LED's time zone. */
    public ZoneId zone(UUID ledId) {
        return zones.get(ledId);
    }

    /** Today in the LED's calendar. */
    public LocalDate today(UUID ledId) {
        return LocalDate.now(clock.withZone(zone(ledId)));
    }

    /** Drops the cached zone after the LED's settings changed. */
    public void forget(UUID ledId) {
        zones.invalidate(ledId);
    }

    private ZoneId load(UUID ledId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT time_zone FROM lending_settings WHERE led_id = ?")) {
            select.setObject(1, ledId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? ZoneId.of(row.getString(1)) : config.zone();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the LED's time zone failed: SQL state " + e.getSQLState(), e);
        }
    }
}
