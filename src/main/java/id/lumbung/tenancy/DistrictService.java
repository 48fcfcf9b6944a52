package id.lumbung.tenancy;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import id.lumbung.platform.time.Timestamps;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.security.Caller;
import id.lumbung.platform.security.Role;

/** Districts: registered by the platform admin, seen by those whose scope names them. */
@ApplicationScoped
public class DistrictService {

    private final Caller caller;

    public DistrictService(Caller caller) {
        this.caller = caller;
    }

    @Transactional
    public DistrictView create(DistrictRequest request) {
        if (District.count("code", request.code()) > 0) {
            throw duplicate(request.code());
        }
        District district = new District();
        district.id = Ids.next();
        district.code = request.code();
        district.name = request.name().strip();
        district.createdAt = Timestamps.now();
        district.createdBy = caller.subject();
        try {
            district.persistAndFlush();
        } catch (ConstraintViolationException e) {
            throw duplicate(request.code());
        }
        return DistrictView.from(district);
    }

    @Transactional
    public Page<DistrictView> list(int limit, String after) {
        UUID afterId = Cursor.afterId(after);
        List<District> found;
        if (caller.hasRole(Role.ADMIN)) {
            found = District.find("id > ?1 order by id", afterId).page(0, limit + 1).list();
        } else {
            found = caller.districts().isEmpty() ? List.of()
                    : District.find("id > ?1 and id in ?2 order by id", afterId, caller.districts())
                            .page(0, limit + 1).list();
        }
        return Page.of(found, limit, DistrictView::from, d -> d.id.toString());
    }

    @Transactional
    public DistrictView get(UUID id) {
        if (!caller.hasRole(Role.ADMIN) && !caller.districts().contains(id)) {
            throw ApiException.notFound("district " + id);
        }
        return District.<District>findByIdOptional(id).map(DistrictView::from)
                .orElseThrow(() -> ApiException.notFound("district " + id));
    }

    private static ApiException duplicate(String code) {
        return new ApiException(ProblemType.DUPLICATE_DISTRICT_CODE, "district " + code + " already exists");
    }
}
