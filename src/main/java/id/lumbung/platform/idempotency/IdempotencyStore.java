package id.lumbung.platform.idempotency;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The statements behind idempotency, set-based so that one request and a group commit of many
 * share them: claim keys, find what earlier requests stored, store new responses. Every method
 * runs on the caller's connection, inside the transaction that also does the work, so a key is
 * either unused or bound to exactly one committed result.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final String CLAIM = """
            SELECT pg_try_advisory_xact_lock(k.id) FROM unnest(?::bigint[]) WITH ORDINALITY AS k(id, position)
             ORDER BY k.position""";

    private static final String FIND = """
            SELECT k.position, r.request_hash, r.status, r.location, r.body
              FROM unnest(?::uuid[], ?::varchar[], ?::varchar[]) WITH ORDINALITY AS k(scope, caller, key, position)
              JOIN idempotency_record r ON r.led_id = k.scope AND r.caller = k.caller AND r.key = k.key""";

    private static final String STORE = """
            INSERT INTO idempotency_record (led_id, caller, key, request_hash, status, location, body, created_at)
            SELECT scope, caller, key, request_hash, status, location, body, ?::timestamptz
              FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::smallint[], ?::varchar[], ?::text[])
                AS r(scope, caller, key, request_hash, status, location, body)""";

    /** What an earlier request with the same key left behind: its fingerprint and its response. */
    private record StoredResponse(String fingerprint, int status, String location, String body) {
    }

    /**
     * Where a request stands once its key is settled: free to do its work (the key is now held
     * until the transaction ends), answered before ({@code replay}), or refused (in flight, reused).
     */
    public record Standing(Created replay, ApiException refusal) {

        static final Standing FREE = new Standing(null, null);

        public boolean free() {
            return replay == null && refusal == null;
        }
    }

    private final ObjectMapper json;
    private final Counter replays;

    public IdempotencyStore(ObjectMapper json, MeterRegistry registry) {
        this.json = json;
        this.replays = Counter.builder("lumbung.idempotency.replays")
                .description("Retried requests answered with their original response")
                .register(registry);
    }

    /**
     * Settles each request's key, in the caller's transaction: a key another transaction holds, or
     * that an earlier request of the list names, is in flight (409); a used key replays its stored
     * answer, or is refused as reused (422) when the request differs; any other key is claimed for
     * the rest of the transaction. Never waits.
     */
    public List<Standing> settle(Connection connection, List<IdempotentRequest> requests) throws SQLException {
        boolean[] claimed = claim(connection, requests);
        List<StoredResponse> stored = find(connection, requests);
        List<Standing> standings = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            IdempotentRequest request = requests.get(i);
            boolean namedEarlier = requests.subList(0, i).stream().anyMatch(request::sameKey);
            if (namedEarlier || !claimed[i]) {
                standings.add(new Standing(null, inFlight()));
            } else if (stored.get(i) != null) {
                standings.add(replay(request, stored.get(i)));
            } else {
                standings.add(Standing.FREE);
            }
        }
        return standings;
    }

    /** Marks each request's key as in flight; false where another transaction holds it. */
    private boolean[] claim(Connection connection, List<IdempotentRequest> requests) throws SQLException {
        boolean[] claimed = new boolean[requests.size()];
        try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            Long[] ids = requests.stream().map(IdempotentRequest::lockId).toArray(Long[]::new);
            statement.setArray(1, connection.createArrayOf("bigint", ids));
            try (ResultSet rows = statement.executeQuery()) {
                for (int i = 0; rows.next(); i++) {
                    claimed[i] = rows.getBoolean(1);
                }
            }
        }
        return claimed;
    }

    /** What is stored under each request's key, in the same order; null where the key is unused. */
    private List<StoredResponse> find(Connection connection, List<IdempotentRequest> requests) throws SQLException {
        List<StoredResponse> found = new ArrayList<>(Collections.nCopies(requests.size(), null));
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setArray(1, connection.createArrayOf("uuid",
                    requests.stream().map(IdempotentRequest::scope).toArray(UUID[]::new)));
            statement.setArray(2, connection.createArrayOf("varchar",
                    requests.stream().map(IdempotentRequest::subject).toArray(String[]::new)));
            statement.setArray(3, connection.createArrayOf("varchar",
                    requests.stream().map(IdempotentRequest::key).toArray(String[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.set(rows.getInt(1) - 1, new StoredResponse(rows.getString(2), rows.getInt(3),
                            rows.getString(4), rows.getString(5)));
                }
            }
        }
        return found;
    }

    /** The stored answer, marked replayed; a different request under the same key is refused (422). */
    private Standing replay(IdempotentRequest request, StoredResponse stored) {
        if (!stored.fingerprint().equals(request.fingerprint())) {
            return new Standing(null, new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was already used for a different request; use a new key"));
        }
        replays.increment();
        return new Standing(Created.replay(stored.status(),
                stored.location() == null ? null : URI.create(stored.location()), stored.body()), null);
    }

    /** 409 {@code idempotency-in-flight}: the first request with this key has not finished. */
    private static ApiException inFlight() {
        return new ApiException(ProblemType.IDEMPOTENCY_IN_FLIGHT,
                "a request with this Idempotency-Key is still being processed; retry shortly");
    }

    /** Stores each request's response under its key. */
    public void store(Connection connection, List<IdempotentRequest> requests, List<Created> responses)
            throws SQLException {
        int size = requests.size();
        UUID[] scopes = new UUID[size];
        String[] subjects = new String[size];
        String[] keys = new String[size];
        String[] fingerprints = new String[size];
        Short[] statuses = new Short[size];
        String[] locations = new String[size];
        String[] bodies = new String[size];
        for (int i = 0; i < size; i++) {
            IdempotentRequest request = requests.get(i);
            Created response = responses.get(i);
            scopes[i] = request.scope();
            subjects[i] = request.subject();
            keys[i] = request.key();
            fingerprints[i] = request.fingerprint();
            statuses[i] = (short) response.status();
            locations[i] = response.location() == null ? null : response.location().toString();
            bodies[i] = toJson(response.body());
        }
        try (PreparedStatement statement = connection.prepareStatement(STORE)) {
            statement.setString(1, Instant.now().toString());
            statement.setArray(2, connection.createArrayOf("uuid", scopes));
            statement.setArray(3, connection.createArrayOf("varchar", subjects));
            statement.setArray(4, connection.createArrayOf("varchar", keys));
            statement.setArray(5, connection.createArrayOf("varchar", fingerprints));
            statement.setArray(6, connection.createArrayOf("smallint", statuses));
            statement.setArray(7, connection.createArrayOf("varchar", locations));
            statement.setArray(8, connection.createArrayOf("text", bodies));
            statement.executeUpdate();
        }
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored", e);
        }
    }
}
