package id.lumbung.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Assertions on RFC 9457 problem answers, and on rejections leaving the books untouched. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A fully qualified Java name (e.g. {@code com.fasterxml.jackson…}, {@code id.lumbung.ledger.Side}). */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|com|org|io|id|sun|jdk)\\.[a-z_]+\\.[A-Za-z_.]+");

    private Problems() {
    }

    /**
     * Asserts a problem answer: status, media type, {@code type} slug, the same status in the body,
     * and that the body leaks no exception, stack frame or Java class name.
     */
    public static ValidatableResponse assertProblem(Response response, int status, String slug) {
        String body = response.asString();
        assertFalse(body.contains("Exception"), () -> "body mentions an exception: " + body);
        assertFalse(body.contains("at id.lumbung"), () -> "body has a stack frame: " + body);
        assertFalse(JAVA_NAME.matcher(body).find(), () -> "body names a Java class: " + body);
        ValidatableResponse then = response.then()
                .statusCode(status)
                .contentType(startsWith(MEDIA_TYPE))
                .body("type", equalTo("urn:lumbung:problem:" + slug))
                .body("status", equalTo(status))
                .body("title", notNullValue());
        if (status == 401) {
            then.header("WWW-Authenticate", startsWith("Bearer"));
        }
        return then;
    }

    /** Also asserts the offending fields, in the order the service lists them. */
    public static ValidatableResponse assertProblem(Response response, int status, String slug, String... fields) {
        return assertProblem(response, status, slug).body("fields.field", equalTo(List.of(fields)));
    }

    /** Runs a request that must be refused and asserts that no row was written while it ran. */
    public static Response rejected(Supplier<Response> request) {
        long before = Db.writes();
        Response response = request.get();
        assertEquals(before, Db.writes(), () -> "a rejected request wrote rows: " + response.asString());
        return response;
    }
}
