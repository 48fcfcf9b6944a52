package id.lumbung.tenancy;

import java.util.UUID;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.security.Caller;
import id.lumbung.platform.security.Role;

/**
 * Decides scope from the path before the body is read or validated, for every endpoint at once: an
 * LED ({@code {ledId}}) or district ({@code {districtId}}) outside the caller's scope answers 404
 * whatever the body holds, so no later check — one that looks rows up — can tell another village's
 * data from nothing. A token that names no known role, or (other than the admin's) no district and
 * no LED, is authorised for nothing: 403. Which role may do what stays with each endpoint's
 * {@link LedAccess#require}, which repeats the scope check; this filter only makes it come first.
 */
public class ScopeFilter {

    private final LedDirectory directory;
    private final Caller caller;

    public ScopeFilter(LedDirectory directory, Caller caller) {
        this.directory = directory;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void decide(UriInfo uri, ResourceInfo resource) {
        if (!uri.getPath().startsWith("/api/") || !caller.authenticated()) {
            // Anonymous requests are refused with 401 by the endpoint's own security check.
            return;
        }
        if (!caller.hasAnyRole(Role.ALL)) {
            throw new ApiException(ProblemType.FORBIDDEN, "the token carries no role this service knows");
        }
        boolean admin = caller.hasRole(Role.ADMIN);
        if (!admin && caller.leds().isEmpty() && caller.districts().isEmpty()) {
            throw new ApiException(ProblemType.FORBIDDEN, "the token grants no district and no LED");
        }
        UUID ledId = uuid(uri.getPathParameters().getFirst("ledId"));
        // The LED itself (GET /leds/{ledId}) is also the admin's to see; LedService decides that one.
        if (ledId != null && resource.getResourceClass() != LedResource.class) {
            directory.find(ledId)
                    .filter(led -> caller.inScope(led.id(), led.districtId()))
                    .orElseThrow(() -> ApiException.notFound("LED " + ledId));
        }
        UUID districtId = uuid(uri.getPathParameters().getFirst("districtId"));
        if (districtId != null && !admin && !caller.districts().contains(districtId)) {
            throw ApiException.notFound("district " + districtId);
        }
    }

    /** The id a path names, or null when it names none (the endpoint then answers 404 itself). */
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
