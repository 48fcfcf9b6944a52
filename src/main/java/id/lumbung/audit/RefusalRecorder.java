package id.lumbung.audit;

import java.lang.reflect.Method;
import java.util.UUID;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.security.Caller;
import id.lumbung.tenancy.LedDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * Records every 403 answered to a caller inside an LED's scope — a role that may not do the
 * thing, a maker approving their own request — in that LED's audit trail: who, which operation
 * (method and path template, never the body) and the problem type. Whatever produced the 403
 * (LedAccess, a rule such as {@code approver-is-maker}, the scope filter), it passes here. The
 * request's own transaction has rolled back by now, so the event commits in one of its own.
 * Outside the scope a caller gets 404 and nothing is recorded: that LED's trail is not theirs to
 * fill.
 */
public class RefusalRecorder {

    private static final Logger LOG = Logger.getLogger(RefusalRecorder.class);

    private final AuditTrail trail;
    private final Caller caller;
    private final LedDirectory directory;

    public RefusalRecorder(AuditTrail trail, Caller caller, LedDirectory directory) {
        this.trail = trail;
        this.caller = caller;
        this.directory = directory;
    }

    @ServerResponseFilter
    public void recordRefusal(ContainerRequestContext request, ContainerResponseContext response, UriInfo uri,
            ResourceInfo resource) {
        if (response.getStatus() != 403 || !caller.authenticated()) {
            return;
        }
        UUID ledId = uuid(uri.getPathParameters().getFirst("ledId"));
        if (ledId == null || directory.find(ledId).filter(led -> caller.inScope(led.id(), led.districtId()))
                .isEmpty()) {
            return;
        }
        if (!BlockingOperationControl.isBlockingAllowed()) {
            // Every LED endpoint is blocking; a 403 on the event loop would be a new kind of endpoint.
            LOG.warnf("a refusal of %s %s could not be audited on the event loop", request.getMethod(),
                    template(request, resource));
            return;
        }
        String operation = request.getMethod() + " " + template(request, resource);
        String problem = response.getEntity() instanceof Problem p ? slug(p.type()) : ProblemType.FORBIDDEN.slug();
        try {
            QuarkusTransaction.requiringNew().run(() -> trail.refused(ledId, operation, problem));
        } catch (RuntimeException e) {
            // The caller still gets its 403; operators learn that the trail missed one.
            LOG.errorf("auditing a refusal of %s failed: %s", operation, e.getClass().getSimpleName());
        }
    }

    /** The path as the resource declares it ({@code /api/v1/leds/{ledId}/periods}), never with real ids. */
    private static String template(ContainerRequestContext request, ResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || type.getAnnotation(Path.class) == null) {
            return "(unmatched path)";
        }
        String path = type.getAnnotation(Path.class).value();
        if (method != null && method.getAnnotation(Path.class) != null) {
            String sub = method.getAnnotation(Path.class).value();
            path = path.replaceAll("/+$", "") + (sub.startsWith("/") ? sub : "/" + sub);
        }
        return path;
    }

    private static String slug(String type) {
        return type != null && type.startsWith(ProblemType.URN_PREFIX) ? type.substring(ProblemType.URN_PREFIX.length())
                : ProblemType.FORBIDDEN.slug();
    }

    private static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
