package id.lumbung.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.http.ETags;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/**
 * Members of an LED: registering, reading (NIK masked per caller), and changing contact data and
 * group. Plain JDBC, so that a NIK can never reach a log through an ORM's SQL-error logging: a
 * duplicate is detected with {@code ON CONFLICT DO NOTHING}, not by catching a logged exception.
 */
@ApplicationScoped
public class MemberService {

    static final String COLUMNS = "id, name, nik, gender, birth_date, hamlet, phone, group_id, created_at";

    private final DataSource dataSource;
    private final AuditTrail audit;

    public MemberService(DataSource dataSource, AuditTrail audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** A member with the version its ETag is made of; every change adds one. */
    public record Versioned(MemberView member, long version) {
    }

    @Transactional
    public MemberView create(UUID ledId, MemberRequest request, String by, boolean fullNik) {
        String problem = Nik.problem(request.nik(), request.gender(), request.birthDate());
        if (problem != null) {
            throw ApiException.invalidField("nik", problem);
        }
        try (Connection connection = dataSource.getConnection()) {
            if (request.groupId() != null && !GroupService.exists(connection, ledId, request.groupId())) {
                throw unknownGroup(request.groupId());
            }
            UUID id = Ids.next();
            Instant now = Timestamps.now();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO member (led_id, id, name, nik, gender, birth_date, hamlet, phone, group_id,
                                        created_at, created_by, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT ON CONSTRAINT member_nik_unique DO NOTHING""")) {
                insert.setObject(1, ledId);
                insert.setObject(2, id);
                insert.setString(3, request.name().strip());
                insert.setString(4, request.nik());
                insert.setString(5, request.gender().name());
                insert.setObject(6, request.birthDate());
                insert.setString(7, blankToNull(request.hamlet()));
                insert.setString(8, blankToNull(request.phone()));
                insert.setObject(9, request.groupId());
                insert.setObject(10, utc(now));
                insert.setString(11, by);
                insert.setObject(12, utc(now));
                insert.setString(13, by);
                if (insert.executeUpdate() == 0) {
                    throw duplicateNik();
                }
            }
            MemberView member = find(connection, ledId, id, fullNik);
            audit.record(ledId, "member.registered", "member", id, Changes.of()
                    .field("name", null, member.name())
                    .nik("nik", null, request.nik())
                    .field("gender", null, member.gender())
                    .field("birthDate", null, member.birthDate())
                    .field("hamlet", null, member.hamlet())
                    .field("phone", null, member.phone())
                    .field("groupId", null, member.groupId()));
            return member;
        } catch (SQLException e) {
            throw failed("registering a member", e);
        }
    }

    @Transactional
    public MemberView get(UUID ledId, UUID id, boolean fullNik) {
        return getVersioned(ledId, id, fullNik).member();
    }

    /** The member and its version, read by one statement so the ETag is that of the body. */
    @Transactional
    public Versioned getVersioned(UUID ledId, UUID id, boolean fullNik) {
        try (Connection connection = dataSource.getConnection()) {
            return versioned(connection, ledId, id, fullNik, false);
        } catch (SQLException e) {
            throw failed("reading a member", e);
        }
    }

    /**
     * Members in id (registration) order. {@code q} matches a part of the name, case-insensitively,
     * or a whole NIK exactly.
     */
    @Transactional
    public Page<MemberView> list(UUID ledId, UUID groupId, String q, int limit, String after, boolean fullNik) {
        UUID afterId = Cursor.afterId(after);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM member WHERE led_id = ? AND id > ?");
        List<Object> args = new ArrayList<>(List.of(ledId, afterId));
        if (groupId != null) {
            sql.append(" AND group_id = ?");
            args.add(groupId);
        }
        String query = q == null ? "" : q.strip();
        if (!query.isEmpty()) {
            sql.append(" AND (lower(name) LIKE ? ESCAPE '\\' OR nik = ?)");
            args.add("%" + likeEscape(query.toLowerCase(Locale.ROOT)) + "%");
            args.add(query);
        }
        sql.append(" ORDER BY id LIMIT ?");
        args.add(limit + 1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            List<MemberView> rows = read(select, fullNik);
            return Page.of(rows, limit, view -> view, view -> view.id().toString());
        } catch (SQLException e) {
            throw failed("listing members", e);
        }
    }

    /**
     * Applies the fields present in the patch; refuses identity fields, naming each. With
     * {@code ifMatch}, only while the member is still at that version (412 otherwise): checked under
     * the row's lock, so of two managers patching from the same version one wins and one is told.
     */
    @Transactional
    public Versioned patch(UUID ledId, UUID id, MemberPatch patch, String by, boolean fullNik, String ifMatch) {
        List<Problem.FieldError> fixed = new ArrayList<>();
        for (String field : patch.identityFields()) {
            fixed.add(new Problem.FieldError(field, field.equals("nik")
                    ? "cannot be changed; register the member again if it was wrong"
                    : "cannot be changed; it is part of the NIK"));
        }
        if (!fixed.isEmpty()) {
            String detail = fixed.size() == 1 ? fixed.get(0).field() + ": " + fixed.get(0).message()
                    : fixed.size() + " fields cannot be changed: nik, gender and birthDate are fixed";
            throw new ApiException(ProblemType.VALIDATION_FAILED, detail, fixed);
        }
        try (Connection connection = dataSource.getConnection()) {
            Versioned locked = versioned(connection, ledId, id, true, true);
            ETags.requireMatch(ifMatch, locked.version());
            MemberView current = locked.member();
            UUID groupId = patch.groupId() == null ? current.groupId() : patch.groupId().orElse(null);
            if (groupId != null && !groupId.equals(current.groupId())
                    && !GroupService.exists(connection, ledId, groupId)) {
                throw unknownGroup(groupId);
            }
            String name = patch.name() == null ? current.name() : patch.name().orElseThrow().strip();
            String hamlet = patch.hamlet() == null ? current.hamlet() : blankToNull(patch.hamlet().orElse(null));
            String phone = patch.phone() == null ? current.phone() : blankToNull(patch.phone().orElse(null));
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE member SET name = ?, hamlet = ?, phone = ?, group_id = ?, updated_at = ?, updated_by = ?,
                                      version = version + 1
                     WHERE led_id = ? AND id = ?""")) {
                update.setString(1, name);
                update.setString(2, hamlet);
                update.setString(3, phone);
                update.setObject(4, groupId);
                update.setObject(5, utc(Timestamps.now()));
                update.setString(6, by);
                update.setObject(7, ledId);
                update.setObject(8, id);
                update.executeUpdate();
            }
            audit.record(ledId, "member.updated", "member", id, Changes.of()
                    .field("name", current.name(), name)
                    .field("hamlet", current.hamlet(), hamlet)
                    .field("phone", current.phone(), phone)
                    .field("groupId", current.groupId(), groupId));
            if (current.groupId() != null && !current.groupId().equals(groupId)
                    && GroupService.dropLeader(connection, ledId, current.groupId(), id)) {
                audit.record(ledId, "group.updated", "group", current.groupId(),
                        Changes.of().field("leaderMemberId", id, null));
            }
            return versioned(connection, ledId, id, fullNik, false);
        } catch (SQLException e) {
            throw failed("changing a member", e);
        }
    }

    /** The members of one group, in registration order. */
    List<MemberView> ofGroup(Connection connection, UUID ledId, UUID groupId, boolean fullNik) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM member WHERE led_id = ? AND group_id = ? ORDER BY id")) {
            select.setObject(1, ledId);
            select.setObject(2, groupId);
            return read(select, fullNik);
        }
    }

    private static MemberView find(Connection connection, UUID ledId, UUID id, boolean fullNik) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM member WHERE led_id = ? AND id = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, id);
            return read(select, fullNik).stream().findFirst().orElseThrow(() -> ApiException.notFound("member " + id));
        }
    }

    /** The member with its version; {@code lock} takes the row lock a change holds until commit. */
    private static Versioned versioned(Connection connection, UUID ledId, UUID id, boolean fullNik, boolean lock)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + ", version FROM member WHERE led_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setObject(1, ledId);
            select.setObject(2, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ApiException.notFound("member " + id);
                }
                return new Versioned(map(row, fullNik), row.getLong("version"));
            }
        }
    }

    static List<MemberView> read(PreparedStatement select, boolean fullNik) throws SQLException {
        List<MemberView> views = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                views.add(map(row, fullNik));
            }
        }
        return views;
    }

    private static MemberView map(ResultSet row, boolean fullNik) throws SQLException {
        String nik = row.getString("nik");
        return new MemberView(row.getObject("id", UUID.class), row.getString("name"),
                fullNik ? nik : Nik.mask(nik), Gender.valueOf(row.getString("gender")),
                row.getObject("birth_date", java.time.LocalDate.class), row.getString("hamlet"),
                row.getString("phone"), row.getObject("group_id", UUID.class),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static ApiException duplicateNik() {
        return new ApiException(ProblemType.DUPLICATE_NIK, "a member with this NIK is already registered in this LED");
    }

    static ApiException unknownGroup(UUID groupId) {
        return new ApiException(ProblemType.UNKNOWN_GROUP, "no KUB group " + groupId + " in this LED");
    }

    /** SQL failures carry only their state: PostgreSQL's detail text can quote a NIK. */
    static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + " failed: SQL state " + e.getSQLState());
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
