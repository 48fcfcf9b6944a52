package id.lumbung.platform.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Warns at start when the database runs without autovacuum. Without it nothing gathers planner
 * statistics, and the plans PostgreSQL caches per connection for foreign-key checks and trigger
 * queries stay those made when the ledger tables were empty — which may probe journal_entry
 * through an index that only narrows by LED, so every posting gets slower as the journal grows.
 * The service keeps working; an operator must run ANALYZE regularly or turn autovacuum on.
 */
@Singleton
public class AutovacuumCheck {

    private static final Logger LOG = Logger.getLogger(AutovacuumCheck.class);

    private final DataSource dataSource;

    public AutovacuumCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        if (!autovacuumOn()) {
            LOG.warn("PostgreSQL runs with autovacuum = off: planner statistics of the ledger tables will go stale "
                    + "and postings slow down as the journal grows. Turn autovacuum on, or run ANALYZE regularly "
                    + "(README, Operations).");
        }
    }

    /** True when autovacuum is on, or when the setting cannot be read (nothing to warn about then). */
    boolean autovacuumOn() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('autovacuum')")) {
            return !row.next() || !"off".equals(row.getString(1));
        } catch (SQLException e) {
            LOG.debugf("could not read the autovacuum setting: %s", e.getSQLState());
            return true;
        }
    }
}
