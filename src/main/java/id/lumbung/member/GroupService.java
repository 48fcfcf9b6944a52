package id.lumbung.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.loan.LoanService;
import id.lumbung.loan.LoanSummary;
import id.lumbung.loan.group.GroupLoanService;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/** KUB groups of an LED: forming one (with its leader), listing, and one with its members. */
@ApplicationScoped
public class GroupService {

    private static final String SELECT = """
            SELECT g.id, g.name, g.leader_member_id, g.created_at,
                   (SELECT count(*) FROM member m WHERE m.led_id = g.led_id AND m.group_id = g.id) AS members
              FROM kub_group g""";

    private final DataSource dataSource;
    private final MemberService members;
    private final LoanService loans;
    private final GroupLoanService groupLoans;
    private final AuditTrail audit;

    public GroupService(DataSource dataSource, MemberService members, LoanService loans,
            GroupLoanService groupLoans, AuditTrail audit) {
        this.audit = audit;
        this.dataSource = dataSource;
        this.members = members;
        this.loans = loans;
        this.groupLoans = groupLoans;
    }

    @Transactional
    public GroupDetailView create(UUID ledId, GroupRequest request, String by, boolean fullNik) {
        String name = request.name().strip();
        UUID id = Ids.next();
        Instant now = Timestamps.now();
        try (Connection connection = dataSource.getConnection()) {
            UUID leaderWasIn = null;
            if (request.leaderMemberId() != null) {
                try (PreparedStatement lock = connection.prepareStatement(
                        "SELECT group_id FROM member WHERE led_id = ? AND id = ? FOR UPDATE")) {
                    lock.setObject(1, ledId);
                    lock.setObject(2, request.leaderMemberId());
                    try (ResultSet row = lock.executeQuery()) {
                        if (!row.next()) {
                            throw new ApiException(ProblemType.UNKNOWN_MEMBER,
                                    "no member " + request.leaderMemberId() + " in this LED to lead the group");
                        }
                        leaderWasIn = row.getObject(1, UUID.class);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO kub_group (led_id, id, name, leader_member_id, created_at, created_by,
                                           updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT ON CONSTRAINT kub_group_name_unique DO NOTHING""")) {
                insert.setObject(1, ledId);
                insert.setObject(2, id);
                insert.setString(3, name);
                insert.setObject(4, request.leaderMemberId());
                insert.setObject(5, MemberService.utc(now));
                insert.setString(6, by);
                insert.setObject(7, MemberService.utc(now));
                insert.setString(8, by);
                if (insert.executeUpdate() == 0) {
                    throw new ApiException(ProblemType.DUPLICATE_GROUP_NAME,
                            "a KUB group named '" + name + "' already exists in this LED");
                }
            }
            if (request.leaderMemberId() != null) {
                // The leader joins the new group; if they led another group, that group loses its leader.
                try (PreparedStatement leave = connection.prepareStatement("""
                        UPDATE kub_group SET leader_member_id = NULL, updated_at = ?, updated_by = ?
                         WHERE led_id = ? AND leader_member_id = ? AND id <> ? RETURNING id""");
                        PreparedStatement join = connection.prepareStatement("""
                        UPDATE member SET group_id = ?, updated_at = ?, updated_by = ?, version = version + 1
                         WHERE led_id = ? AND id = ?""")) {
                    leave.setObject(1, MemberService.utc(now));
                    leave.setString(2, by);
                    leave.setObject(3, ledId);
                    leave.setObject(4, request.leaderMemberId());
                    leave.setObject(5, id);
                    List<UUID> leaderless = new ArrayList<>();
                    try (ResultSet left = leave.executeQuery()) {
                        while (left.next()) {
                            leaderless.add(left.getObject(1, UUID.class));
                        }
                    }
                    join.setObject(1, id);
                    join.setObject(2, MemberService.utc(now));
                    join.setString(3, by);
                    join.setObject(4, ledId);
                    join.setObject(5, request.leaderMemberId());
                    join.executeUpdate();
                    audit.record(ledId, "group.created", "group", id, Changes.of().field("name", null, name)
                            .field("leaderMemberId", null, request.leaderMemberId()));
                    for (UUID other : leaderless) {
                        audit.record(ledId, "group.updated", "group", other,
                                Changes.of().field("leaderMemberId", request.leaderMemberId(), null));
                    }
                    audit.record(ledId, "member.updated", "member", request.leaderMemberId(),
                            Changes.of().field("groupId", leaderWasIn, id));
                }
            } else {
                audit.record(ledId, "group.created", "group", id, Changes.of().field("name", null, name));
            }
            return detail(connection, ledId, id, fullNik);
        } catch (SQLException e) {
            throw MemberService.failed("forming a group", e);
        }
    }

    @Transactional
    public Page<GroupView> list(UUID ledId, int limit, String after) {
        UUID afterId = Cursor.afterId(after);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        SELECT + " WHERE g.led_id = ? AND g.id > ? ORDER BY g.id LIMIT ?")) {
            select.setObject(1, ledId);
            select.setObject(2, afterId);
            select.setInt(3, limit + 1);
            return Page.of(read(select), limit, view -> view, view -> view.id().toString());
        } catch (SQLException e) {
            throw MemberService.failed("listing groups", e);
        }
    }

    @Transactional
    public GroupDetailView get(UUID ledId, UUID id, boolean fullNik) {
        try (Connection connection = dataSource.getConnection()) {
            return detail(connection, ledId, id, fullNik);
        } catch (SQLException e) {
            throw MemberService.failed("reading a group", e);
        }
    }

    /** Group ids of the LED by exact name, for the CSV import. */
    static Map<String, UUID> idsByName(Connection connection, UUID ledId) throws SQLException {
        Map<String, UUID> ids = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, id FROM kub_group WHERE led_id = ?")) {
            select.setObject(1, ledId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.put(row.getString(1), row.getObject(2, UUID.class));
                }
            }
        }
        return ids;
    }

    static boolean exists(Connection connection, UUID ledId, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM kub_group WHERE led_id = ? AND id = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** A member who leaves a group no longer leads it. */
    /** Whether the group lost {@code memberId} as its leader. */
    static boolean dropLeader(Connection connection, UUID ledId, UUID groupId, UUID memberId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE kub_group SET leader_member_id = NULL WHERE led_id = ? AND id = ? AND leader_member_id = ?""")) {
            update.setObject(1, ledId);
            update.setObject(2, groupId);
            update.setObject(3, memberId);
            return update.executeUpdate() > 0;
        }
    }

    private GroupDetailView detail(Connection connection, UUID ledId, UUID id, boolean fullNik) throws SQLException {
        GroupView group;
        try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE g.led_id = ? AND g.id = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, id);
            group = read(select).stream().findFirst().orElseThrow(() -> ApiException.notFound("KUB group " + id));
        }
        List<MemberView> people = members.ofGroup(connection, ledId, id, fullNik);
        List<LoanSummary> borrowed = loans.ofBorrowers(ledId, null, id);
        return new GroupDetailView(group.id(), group.name(), group.leaderMemberId(), group.memberCount(),
                group.createdAt(), people, borrowed, groupLoans.ofGroup(ledId, id), arrears(people, borrowed));
    }

    /** Each member (and each other borrower through the group) with the arrears of their loans through it. */
    private static List<GroupDetailView.MemberArrears> arrears(List<MemberView> people, List<LoanSummary> loans) {
        Map<UUID, String> names = new LinkedHashMap<>();
        people.forEach(member -> names.put(member.id(), member.name()));
        loans.forEach(loan -> names.putIfAbsent(loan.memberId(), null));
        List<GroupDetailView.MemberArrears> arrears = new ArrayList<>();
        names.forEach((member, name) -> {
            Amount amount = Amount.ZERO;
            int days = 0;
            for (LoanSummary loan : loans) {
                if (loan.memberId().equals(member)) {
                    amount = amount.plus(loan.arrearsAmount());
                    days = Math.max(days, loan.daysPastDue());
                }
            }
            arrears.add(new GroupDetailView.MemberArrears(member, name, days > 0, amount, days));
        });
        return arrears;
    }

    private static List<GroupView> read(PreparedStatement select) throws SQLException {
        List<GroupView> views = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                views.add(new GroupView(row.getObject("id", UUID.class), row.getString("name"),
                        row.getObject("leader_member_id", UUID.class), row.getInt("members"),
                        row.getObject("created_at", OffsetDateTime.class).toInstant()));
            }
        }
        return views;
    }
}
