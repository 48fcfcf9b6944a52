package id.lumbung.platform.idempotency;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.hash.Sha256;
import id.lumbung.platform.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Makes a POST safe to retry (DESIGN §2 invariant 7). The action and the stored response commit
 * in one transaction, so a key is either unused or bound to exactly one committed result:
 * <ul>
 * <li>same key, same request: the original response again, marked {@code Idempotent-Replayed: true};
 * <li>same key, another request: 422 {@code idempotency-key-reused};
 * <li>same key while the first request is still running: 409 {@code idempotency-in-flight},
 * detected with a transaction-scoped advisory lock instead of waiting behind it.
 * </ul>
 * Keys belong to the caller (token subject) within one LED. Only successes are stored: a refused
 * request wrote nothing, so retrying it simply asks again.
 */
@ApplicationScoped
public class IdempotencyService {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Scope of requests that belong to no LED (districts, opening an LED). */
    public static final UUID PLATFORM_SCOPE = new UUID(0, 0);

    private static final Logger LOG = Logger.getLogger(IdempotencyService.class);

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Caller caller;
    private final IdempotencyConfig config;
    private final Counter replays;

    public IdempotencyService(DataSource dataSource, ObjectMapper json, Caller caller, IdempotencyConfig config,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.json = json;
        this.caller = caller;
        this.config = config;
        this.replays = Counter.builder("lumbung.idempotency.replays")
                .description("Retried requests answered with their original response")
                .register(registry);
    }

    /**
     * Runs {@code action} once per key. {@code operation} names the endpoint (e.g.
     * {@code POST journal-entries}) so that a key reused on another endpoint is caught as well.
     */
    @Transactional
    public Response execute(UUID scope, String key, String operation, Object request, Supplier<Created> action) {
        if (key == null) {
            return respond(action.get());
        }
        validate(key);
        String subject = caller.subject();
        String fingerprint = fingerprint(operation, request);
        try (Connection connection = dataSource.getConnection()) {
            if (!tryLock(connection, scope, subject, key)) {
                throw new ApiException(ProblemType.IDEMPOTENCY_IN_FLIGHT,
                        "a request with this Idempotency-Key is still being processed; retry shortly");
            }
            Response stored = replay(connection, scope, subject, key, fingerprint);
            if (stored != null) {
                return stored;
            }
            Created created = action.get();
            store(connection, scope, subject, key, fingerprint, created);
            return respond(created);
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store failed: " + e.getSQLState(), e);
        }
    }

    /** Forgets keys older than the retention period; a retry that late is a new request. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM idempotency_record WHERE created_at < ?")) {
            delete.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()));
            int purged = delete.executeUpdate();
            if (purged > 0) {
                LOG.infof("purged %d expired idempotency records", purged);
            }
        } catch (SQLException e) {
            LOG.warnf("purging idempotency records failed: %s", e.getSQLState());
        }
    }

    private static void validate(String key) {
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ApiException(ProblemType.INVALID_IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1 to 200 visible ASCII characters, e.g. a UUID");
        }
    }

    private static boolean tryLock(Connection connection, UUID scope, String subject, String key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, lockId(scope, subject, key));
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private Response replay(Connection connection, UUID scope, String subject, String key, String fingerprint)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT request_hash, status, location, body FROM idempotency_record
                 WHERE led_id = ? AND caller = ? AND key = ?""")) {
            select.setObject(1, scope);
            select.setString(2, subject);
            select.setString(3, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                if (!row.getString(1).equals(fingerprint)) {
                    throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "this Idempotency-Key was already used for a different request; use a new key");
                }
                replays.increment();
                Response.ResponseBuilder response = Response.status(row.getInt(2))
                        .type(MediaType.APPLICATION_JSON)
                        .entity(row.getString(4))
                        .header(REPLAYED_HEADER, "true");
                String location = row.getString(3);
                if (location != null) {
                    response.location(URI.create(location));
                }
                return response.build();
            }
        }
    }

    private void store(Connection connection, UUID scope, String subject, String key, String fingerprint,
            Created created) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO idempotency_record (led_id, caller, key, request_hash, status, location, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, scope);
            insert.setString(2, subject);
            insert.setString(3, key);
            insert.setString(4, fingerprint);
            insert.setInt(5, created.status());
            insert.setString(6, created.location() == null ? null : created.location().toString());
            insert.setString(7, json.writeValueAsString(created.body()));
            insert.setObject(8, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored", e);
        }
    }

    private static Response respond(Created created) {
        Response.ResponseBuilder response = Response.status(created.status()).entity(created.body());
        if (created.location() != null) {
            response.location(created.location());
        }
        return response.build();
    }

    /** The request as the service understood it (canonical JSON), so 1000 and "1000.00" are one request. */
    private String fingerprint(String operation, Object request) {
        try {
            return Sha256.hex(operation + "\n" + json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request cannot be fingerprinted", e);
        }
    }

    /** The advisory lock id of one key; package-private so a test can hold it like a request in flight. */
    static long lockId(UUID scope, String subject, String key) {
        String digest = Sha256.hex(scope + "\n" + subject + "\n" + key);
        return Long.parseUnsignedLong(digest.substring(0, 16), 16);
    }
}
