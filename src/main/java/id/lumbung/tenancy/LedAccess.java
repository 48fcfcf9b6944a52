package id.lumbung.tenancy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.security.Caller;

/**
 * The server-side tenancy check every LED endpoint starts with. An LED outside the caller's scope
 * answers 404 exactly like one that does not exist, so ids of other villages leak nothing; inside
 * the scope, a role that may not do the thing gets 403.
 */
@ApplicationScoped
public class LedAccess {

    private final LedDirectory directory;
    private final Caller caller;

    public LedAccess(LedDirectory directory, Caller caller) {
        this.directory = directory;
        this.caller = caller;
    }

    public LedRef require(UUID ledId, LedPermission permission) {
        LedRef led = directory.find(ledId)
                .filter(found -> caller.inScope(found.id(), found.districtId()))
                .orElseThrow(() -> ApiException.notFound("LED " + ledId));
        if (!caller.hasAnyRole(permission.roles())) {
            throw new ApiException(ProblemType.FORBIDDEN, "your role may not " + describe(permission) + " in this LED");
        }
        return led;
    }

    /** Whether the caller's roles grant {@code permission}; for what a response shows, not whether it may. */
    public boolean allows(LedPermission permission) {
        return caller.hasAnyRole(permission.roles());
    }

    public boolean canSee(LedRef led) {
        return caller.inScope(led.id(), led.districtId()) && caller.hasAnyRole(LedPermission.VIEW_LED.roles());
    }

    private static String describe(LedPermission permission) {
        return permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
