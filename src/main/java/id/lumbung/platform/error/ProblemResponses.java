package id.lumbung.platform.error;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Renders problems as {@code application/problem+json} and counts them by type. */
@ApplicationScoped
public class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final MeterRegistry registry;

    public ProblemResponses(MeterRegistry registry) {
        this.registry = registry;
    }

    public Response render(ProblemType type, String detail, String instance, List<Problem.FieldError> fields) {
        counter(type).increment();
        return Response.status(type.status())
                .type(MEDIA_TYPE)
                .entity(Problem.of(type, detail, instance, fields))
                .build();
    }

    public Response render(ProblemType type, String detail, String instance) {
        return render(type, detail, instance, List.of());
    }

    /** The problem itself, counted like a rendered one: for answers written outside JAX-RS. */
    public Problem counted(ProblemType type, String detail, String instance) {
        counter(type).increment();
        return Problem.of(type, detail, instance, List.of());
    }

    private Counter counter(ProblemType type) {
        return Counter.builder("lumbung.requests.rejected")
                .description("Requests answered with a problem, by problem type")
                .tag("type", type.slug())
                .register(registry);
    }
}
