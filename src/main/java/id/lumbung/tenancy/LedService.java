package id.lumbung.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import id.lumbung.platform.time.Timestamps;
import id.lumbung.ledger.LedgerBooks;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.platform.security.Role;

/** Opening LEDs (with their books) and listing those in the caller's scope. */
@ApplicationScoped
public class LedService {

    private final Caller caller;
    private final LedgerBooks books;
    private final LedAccess access;

    public LedService(Caller caller, LedgerBooks books, LedAccess access) {
        this.caller = caller;
        this.books = books;
        this.access = access;
    }

    /** The admin opens LEDs anywhere, a district officer in its own districts. */
    @Transactional
    public LedView open(LedRequest request) {
        boolean allowed = caller.hasRole(Role.ADMIN)
                || caller.hasRole(Role.DISTRICT_OFFICER) && caller.districts().contains(request.districtId());
        if (!allowed || District.findById(request.districtId()) == null) {
            // Unknown and out-of-scope districts answer alike: no existence leak.
            throw ApiException.invalidField("districtId", "no such district in your scope");
        }
        if (Led.count("districtId = ?1 and code = ?2", request.districtId(), request.code()) > 0) {
            throw duplicate(request.code());
        }
        Instant now = Timestamps.now();
        Led led = new Led();
        led.id = Ids.next();
        led.districtId = request.districtId();
        led.code = request.code();
        led.name = request.name().strip();
        led.village = request.village().strip();
        led.createdAt = now;
        led.createdBy = caller.subject();
        try {
            led.persistAndFlush();
        } catch (ConstraintViolationException e) {
            throw duplicate(request.code());
        }
        books.open(led.id, caller.subject(), now);
        return LedView.from(led);
    }

    @Transactional
    public Page<LedView> list(int limit, String after) {
        UUID afterId = Cursor.afterId(after);
        List<Led> found;
        if (caller.hasRole(Role.ADMIN)) {
            found = Led.find("id > ?1 order by id", afterId).page(0, limit + 1).list();
        } else if (caller.leds().isEmpty() && caller.districts().isEmpty()) {
            found = List.of();
        } else {
            // Empty sets would make "in ()" invalid SQL; a nil id matches nothing.
            found = Led.find("id > ?1 and (id in ?2 or districtId in ?3) order by id", afterId,
                    orNil(caller.leds()), orNil(caller.districts())).page(0, limit + 1).list();
        }
        return Page.of(found, limit, LedView::from, l -> l.id.toString());
    }

    @Transactional
    public LedView get(UUID ledId) {
        Led led = Led.<Led>findByIdOptional(ledId)
                .filter(l -> caller.hasRole(Role.ADMIN) || access.canSee(new LedRef(l.id, l.districtId)))
                .orElseThrow(() -> ApiException.notFound("LED " + ledId));
        return LedView.from(led);
    }

    private static java.util.Set<UUID> orNil(java.util.Set<UUID> ids) {
        return ids.isEmpty() ? java.util.Set.of(new UUID(0, 0)) : ids;
    }

    private static ApiException duplicate(String code) {
        return new ApiException(ProblemType.DUPLICATE_LED_CODE, "LED " + code + " already exists in this district");
    }
}
