package id.lumbung.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.platform.error.ProblemResponses;
import id.lumbung.platform.error.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} answers 413
 * {@code payload-too-large} as {@code application/problem+json}, like every other refusal. Quarkus
 * checks the same limit one step later and answers a bare 413 without a body; this route runs just
 * before it and closes the connection the same way (the rest of the body is never read).
 */
@ApplicationScoped
public class BodyLimit {

    private final ProblemResponses problems;
    private final ObjectMapper json;

    public BodyLimit(ProblemResponses problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    void register(@Observes Router router) {
        long limit = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue)
                .orElse(-1L);
        if (limit < 0) {
            return;
        }
        router.route("/api/*")
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> {
                    if (declaredLength(context) > limit) {
                        refuse(context, limit);
                    } else {
                        context.next();
                    }
                });
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            // Not ours to judge: the HTTP server refuses a malformed Content-Length itself.
            return -1;
        }
    }

    private void refuse(RoutingContext context, long limit) {
        String body;
        try {
            body = json.writeValueAsString(problems.counted(ProblemType.PAYLOAD_TOO_LARGE,
                    "request body is larger than " + limit + " bytes", context.request().path()));
        } catch (JsonProcessingException e) {
            body = "";
        }
        context.response()
                .setStatusCode(ProblemType.PAYLOAD_TOO_LARGE.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
