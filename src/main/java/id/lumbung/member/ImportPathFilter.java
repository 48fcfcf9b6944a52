package id.lumbung.member;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * {@code POST …/members:import} is a custom method in the AIP-136 style. Some HTTP clients
 * (RestAssured, a few generated SDKs) percent-encode the colon, and the REST layer matches paths
 * undecoded, so {@code members%3Aimport} would be a 404. This reroutes that spelling to the
 * canonical one before routing; nothing else is touched.
 */
@ApplicationScoped
public class ImportPathFilter {

    private static final Pattern ENCODED = Pattern.compile("^(/api/v1/leds/[^/]+/members)%3[Aa](import)$");

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.request().path();
            if (path != null && path.endsWith("import") && ENCODED.matcher(path).matches()) {
                context.reroute(ENCODED.matcher(path).replaceFirst("$1:$2"));
                return;
            }
            context.next();
        }, 100);
    }
}
