package id.lumbung.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads API request bodies completely on the I/O thread before the endpoint runs on a worker.
 *
 * <p>Without this, Quarkus REST hands a blocking endpoint a stream that the worker reads while the
 * event loop is still delivering the body: the two threads meet on a monitor for every request.
 * Profiles of the posting benchmark put that hand-off at a third of the JVM's samples
 * (docs/benchmarks.md). Quarkus REST reads a body that is already buffered from memory instead.
 * Bodies are small JSON or, at most, a member CSV of {@code quarkus.http.limits.max-body-size}, and
 * the same limit applies here (Quarkus answers 413 above it before this runs).
 */
@ApplicationScoped
public class RequestBodyBuffering {

    void register(@Observes Router router) {
        long limit = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue)
                .orElse(-1L);
        BodyHandler buffer = BodyHandler.create(false).setBodyLimit(limit);
        router.route("/api/*")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(context -> {
                    if (hasBody(context.request())) {
                        buffer.handle(context);
                    } else {
                        context.next();
                    }
                });
    }

    /**
     * Only bodies of a declared, non-zero length are buffered. An empty body leaves no buffer
     * behind, and Quarkus REST would then wait for a stream the buffering has already consumed;
     * chunked bodies (which may turn out empty) keep the streaming path. So do HTTP/2 requests
     * (Java's HttpClient upgrades to h2c by default): Quarkus REST pauses the request it handles, and
     * an HTTP/2 stream whose body was read already refuses that: "Request has already been read", a 500.
     */
    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.version() != HttpVersion.HTTP_2
                && length != null && !length.isBlank() && !"0".equals(length.strip())
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }
}
