package id.lumbung.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
 * request wrote nothing, so retrying it simply asks again. With {@code lumbung.idempotency.required}
 * a request that moves money must carry a key. The ledger's group commit follows the
 * same protocol for many requests at once, through the same {@link IdempotencyStore}.
 */
@ApplicationScoped
public class IdempotencyService {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Scope of requests that belong to no LED (districts, opening an LED). */
    public static final UUID PLATFORM_SCOPE = new UUID(0, 0);

    /** Keyed operations that never post an entry: tenancy, the chart, members, applying for a loan. */
    /** Operations that move no money, with the ids in their paths written {@code {id}}. */
    private static final java.util.Set<String> WITHOUT_MONEY = java.util.Set.of("POST districts", "POST leds",
            "POST accounts", "POST members", "POST members:import", "POST groups", "POST loans", "POST periods/close",
            "POST groups/{id}/loans", "POST loans/{id}/reschedule", "POST loans/{id}/reschedule/approval",
            "POST programmes", "POST programmes/{id}/sessions", "POST programmes/{id}/trainees",
            "POST trainees/{id}/evaluations", "POST trainees/{id}/feedback", "POST trainees/{id}/completion",
            "POST trainees/{id}/withdrawal", "POST trainees/{id}/mentor", "POST trainees/{id}/outcomes");

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Logger LOG = Logger.getLogger(IdempotencyService.class);

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Caller caller;
    private final IdempotencyConfig config;
    private final IdempotencyStore store;

    public IdempotencyService(DataSource dataSource, ObjectMapper json, Caller caller, IdempotencyConfig config,
            IdempotencyStore store) {
        this.dataSource = dataSource;
        this.json = json;
        this.caller = caller;
        this.config = config;
        this.store = store;
    }

    /**
     * Runs {@code action} once per key. {@code operation} names the endpoint (e.g.
     * {@code POST journal-entries}) so that a key reused on another endpoint is caught as well.
     */
    @Transactional
    public Response execute(UUID scope, String key, String operation, Object request, Supplier<Created> action) {
        return respond(decide(scope, key, operation, request, action));
    }

    /**
     * What {@link #execute} answers, before it becomes HTTP: the result of {@code action}, or of the
     * earlier request with this key. A batch decides each of its operations here, under the
     * operation's own key and the single endpoint's {@code operation}, so the key's fingerprint is
     * the same whether the request came alone or inside a batch.
     */
    @Transactional
    public Created decide(UUID scope, String key, String operation, Object request, Supplier<Created> action) {
        return once(identify(scope, key, operation, request), action);
    }

    /**
     * The caller's request under its key, or null when it sent none. Refuses a malformed key with
     * 400 {@code invalid-idempotency-key}.
     */
    public IdempotentRequest identify(UUID scope, String key, String operation, Object request) {
        if (key == null) {
            if (config.required() && movesMoney(operation)) {
                throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REQUIRED, "send an Idempotency-Key header (e.g. a "
                        + "new UUID per operation) with every request that moves money; retry with the same key");
            }
            return null;
        }
        validate(key);
        return new IdempotentRequest(scope, caller.subject(), key, fingerprint(operation, request));
    }

    /**
     * Whether an operation (as named to {@link #execute}) can move money. Named by exclusion, so that
     * a new endpoint is held to the stricter rule until it is listed here.
     */
    static boolean movesMoney(String operation) {
        return !WITHOUT_MONEY.contains(ID.matcher(operation).replaceAll("{id}"));
    }

    /** Runs {@code action} once for an identified request (or simply runs it when there is no key). */
    @Transactional
    public Created once(IdempotentRequest request, Supplier<Created> action) {
        if (request == null) {
            return action.get();
        }
        try (Connection connection = dataSource.getConnection()) {
            IdempotencyStore.Standing standing = store.settle(connection, List.of(request)).get(0);
            if (standing.refusal() != null) {
                throw standing.refusal();
            }
            if (standing.replay() != null) {
                return standing.replay();
            }
            Created created = action.get();
            store.store(connection, List.of(request), List.of(created));
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store failed: " + e.getSQLState(), e);
        }
    }

    /** The HTTP answer of a result, marked {@code Idempotent-Replayed: true} when it is a replay. */
    public static Response respond(Created created) {
        Response.ResponseBuilder response = Response.status(created.status()).entity(created.body());
        if (created.replayed()) {
            response.type(MediaType.APPLICATION_JSON).header(REPLAYED_HEADER, "true");
        }
        if (created.location() != null) {
            response.location(created.location());
        }
        return response.build();
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
        return new IdempotentRequest(scope, subject, key, "").lockId();
    }
}
