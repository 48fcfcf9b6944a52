package id.lumbung.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.restassured.RestAssured;

/**
 * A thread-safe HTTP client for tests that send many requests at once (RestAssured's static
 * configuration is not meant for that). Talks to the service Quarkus started for the tests.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private Http() {
    }

    /** One answer: status, headers and the JSON body (a missing node when there is none). */
    public record Answer(int status, HttpResponse<String> raw, JsonNode body) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** A top-level text field of the body, e.g. {@code type} of a problem or {@code id} of an entry. */
        public String text(String field) {
            JsonNode value = body.path(field);
            return value.isMissingNode() || value.isNull() ? null : value.asText();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** Sends a GET as the token's bearer. */
    public static CompletableFuture<Answer> getAsync(String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(Http::answer);
    }

    /** Sends a POST with a JSON body as the token's bearer, with extra headers (e.g. an Idempotency-Key). */
    public static CompletableFuture<Answer> postAsync(String token, String path, Object body,
            Map<String, String> headers) {
        return sendAsync("POST", token, path, body, headers);
    }

    /** Sends a request with a JSON body (POST, PUT, PATCH) as the token's bearer, with extra headers (If-Match). */
    public static CompletableFuture<Answer> sendAsync(String method, String token, String path, Object body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        headers.forEach(request::header);
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(Http::answer);
    }

    /** Sends a POST and waits at most {@code timeout} for its answer. */
    public static Answer post(String token, String path, Object body, Duration timeout) {
        try {
            return postAsync(token, path, body, Map.of()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("POST " + path + " did not answer within " + timeout, e);
        }
    }

    private static URI uri(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + RestAssured.basePath + path);
    }

    private static Answer answer(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            body = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), response, body);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
