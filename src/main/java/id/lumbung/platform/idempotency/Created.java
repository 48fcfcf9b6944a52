package id.lumbung.platform.idempotency;

import java.net.URI;

/**
 * A successful result of a POST: status, where the new resource lives, and the body to send. A
 * replayed result carries the stored JSON text as its body and is marked {@code Idempotent-Replayed}.
 */
public record Created(int status, URI location, Object body, boolean replayed) {

    public static Created at(URI location, Object body) {
        return new Created(201, location, body, false);
    }

    static Created replay(int status, URI location, String json) {
        return new Created(status, location, json, true);
    }
}
