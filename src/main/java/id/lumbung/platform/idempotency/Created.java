package id.lumbung.platform.idempotency;

import java.net.URI;

/** A successful result of a POST: status, where the new resource lives, and the body to send. */
public record Created(int status, URI location, Object body) {

    public static Created at(URI location, Object body) {
        return new Created(201, location, body);
    }
}
