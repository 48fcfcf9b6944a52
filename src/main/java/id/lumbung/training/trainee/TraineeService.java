package id.lumbung.training.trainee;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.ledger.PostingRules;
import id.lumbung.member.Gender;
import id.lumbung.member.MemberService;
import id.lumbung.member.MemberView;
import id.lumbung.member.Nik;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.training.Programme;
import id.lumbung.training.ProgrammeService;
import id.lumbung.training.Segment;

/**
 * Trainees: enrolment (of a member, or of a person who becomes one through {@link MemberService}),
 * the list of a programme's trainees, and the trainee's way out of it — completion or withdrawal,
 * each once — and their mentor.
 */
@ApplicationScoped
public class TraineeService {

    static final String COLUMNS = "t.id, t.programme_id, t.member_id, m.name, t.gender, m.birth_date, p.starts_on, "
            + "t.segment, t.enrolled_on, t.status, t.completed_on, t.withdrawn_on, t.withdrawal_reason, "
            + "t.mentor_name, t.mentor_field, t.created_at, t.created_by";
    static final String FROM = " FROM trainee t JOIN member m ON m.led_id = t.led_id AND m.id = t.member_id"
            + " JOIN training_programme p ON p.led_id = t.led_id AND p.id = t.programme_id";

    private final DataSource dataSource;
    private final MemberService members;
    private final PostingRules rules;

    public TraineeService(DataSource dataSource, MemberService members, PostingRules rules) {
        this.dataSource = dataSource;
        this.members = members;
        this.rules = rules;
    }

    /**
     * Enrols a member, or registers the person as a member and enrols them, in one transaction. The
     * age check comes before the registration, so a refused newcomer leaves no member behind.
     */
    @Transactional
    public TraineeView enrol(UUID ledId, UUID programmeId, @NotNull @Valid EnrolmentRequest request, String by) {
        Programme programme = Programme.require(ledId, programmeId);
        if ((request.memberId() == null) == (request.person() == null)) {
            throw ApiException.invalidField("memberId", "send either memberId or person, not both nor neither");
        }
        LocalDate enrolledOn = request.enrolledOn() == null ? programme.startsOn : request.enrolledOn();
        if (enrolledOn.isAfter(programme.endsOn)) {
            throw new ApiException(ProblemType.DATE_OUTSIDE_PROGRAMME, "enrolledOn: " + enrolledOn
                    + " is after the programme's end (" + programme.endsOn + ")",
                    List.of(new Problem.FieldError("enrolledOn", "must not be after the programme's end ("
                            + programme.endsOn + ")")));
        }
        try (Connection connection = dataSource.getConnection()) {
            UUID memberId;
            Gender gender;
            LocalDate birthDate;
            if (request.person() != null) {
                if (request.person().groupId() != null) {
                    throw ApiException.invalidField("person.groupId",
                            "a newcomer is registered without a KUB group; join one later");
                }
                String nikProblem = Nik.problem(request.person().nik(), request.person().gender(),
                        request.person().birthDate());
                if (nikProblem != null) {
                    throw ApiException.invalidField("person.nik", nikProblem);
                }
                gender = request.person().gender();
                birthDate = request.person().birthDate();
                segmentOf(birthDate, programme);
                MemberView member = members.create(ledId, request.person(), by, false);
                memberId = member.id();
            } else {
                memberId = request.memberId();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT gender, birth_date FROM member WHERE led_id = ? AND id = ?")) {
                    select.setObject(1, ledId);
                    select.setObject(2, memberId);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            throw new ApiException(ProblemType.UNKNOWN_MEMBER, "memberId: no member " + memberId
                                    + " in this LED", List.of(new Problem.FieldError("memberId",
                                    "no member " + memberId + " in this LED")));
                        }
                        gender = Gender.valueOf(row.getString(1));
                        birthDate = row.getObject(2, LocalDate.class);
                    }
                }
            }
            Segment segment = segmentOf(birthDate, programme);
            UUID id = Ids.next();
            OffsetDateTime now = OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO trainee (led_id, id, programme_id, member_id, enrolled_on, segment, gender, status,
                                         created_at, created_by, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'ENROLLED', ?, ?, ?, ?)
                    ON CONFLICT ON CONSTRAINT trainee_once_per_programme DO NOTHING""")) {
                insert.setObject(1, ledId);
                insert.setObject(2, id);
                insert.setObject(3, programmeId);
                insert.setObject(4, memberId);
                insert.setObject(5, enrolledOn);
                insert.setString(6, segment.name());
                insert.setString(7, gender.name());
                insert.setObject(8, now);
                insert.setString(9, by);
                insert.setObject(10, now);
                insert.setString(11, by);
                if (insert.executeUpdate() == 0) {
                    throw new ApiException(ProblemType.DUPLICATE_TRAINEE, "member " + memberId
                            + " is already enrolled in this programme");
                }
            }
            return find(connection, ledId, id, false);
        } catch (SQLException e) {
            throw ProgrammeService.failed("enrolling a trainee", e);
        }
    }

    /** The segment of someone born on {@code birthDate} in this programme, or 422 under 18 on its start. */
    static Segment segmentOf(LocalDate birthDate, Programme programme) {
        int age = Segment.completedYears(birthDate, programme.startsOn);
        Segment segment = Segment.ofAge(age);
        if (segment == null) {
            throw new ApiException(ProblemType.TRAINEE_UNDER_AGE, "the person is " + age
                    + " on the programme's start (" + programme.startsOn + "); trainees are "
                    + Segment.MINIMUM_AGE + " or older");
        }
        return segment;
    }

    /** A programme's trainees in enrolment (id) order, optionally of one segment, gender and status. */
    @Transactional
    public Page<TraineeView> list(UUID ledId, UUID programmeId, Segment segment, Gender gender, TraineeStatus status,
            int limit, String after) {
        Programme.require(ledId, programmeId);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM
                + " WHERE t.led_id = ? AND t.programme_id = ? AND t.id > ?");
        List<Object> args = new ArrayList<>(List.of(ledId, programmeId, Cursor.afterId(after)));
        if (segment != null) {
            sql.append(" AND t.segment = ?");
            args.add(segment.name());
        }
        if (gender != null) {
            sql.append(" AND t.gender = ?");
            args.add(gender.name());
        }
        if (status != null) {
            sql.append(" AND t.status = ?");
            args.add(status.name());
        }
        sql.append(" ORDER BY t.id LIMIT ?");
        args.add(limit + 1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            List<TraineeView> rows = read(select);
            return Page.of(rows, limit, view -> view, view -> view.id().toString());
        } catch (SQLException e) {
            throw ProgrammeService.failed("listing trainees", e);
        }
    }

    @Transactional
    public TraineeView get(UUID ledId, UUID traineeId) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, ledId, traineeId, false);
        } catch (SQLException e) {
            throw ProgrammeService.failed("reading a trainee", e);
        }
    }

    /** Completes the training: once, from ENROLLED, on or after the enrolment and not after today. */
    @Transactional
    public TraineeView complete(UUID ledId, UUID traineeId, @NotNull @Valid CompletionRequest request, String by) {
        return leave(ledId, traineeId, TraineeStatus.COMPLETED, request.completedOn(), "completedOn", null, by);
    }

    /** Withdraws the trainee: once, from ENROLLED, on or after the enrolment and not after today. */
    @Transactional
    public TraineeView withdraw(UUID ledId, UUID traineeId, @NotNull @Valid WithdrawalRequest request, String by) {
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return leave(ledId, traineeId, TraineeStatus.WITHDRAWN, request.on(), "on", reason, by);
    }

    private TraineeView leave(UUID ledId, UUID traineeId, TraineeStatus to, LocalDate on, String field,
            String reason, String by) {
        try (Connection connection = dataSource.getConnection()) {
            TraineeView trainee = find(connection, ledId, traineeId, true);
            requireOnOrAfterEnrolment(trainee, on, field);
            rules.requireNotInFuture(ledId, on, field);
            if (trainee.status() != TraineeStatus.ENROLLED) {
                throw new ApiException(ProblemType.TRAINEE_STATUS, trainee.status() == TraineeStatus.COMPLETED
                        ? "the trainee completed on " + trainee.completedOn()
                        : "the trainee withdrew on " + trainee.withdrawnOn());
            }
            String column = to == TraineeStatus.COMPLETED ? "completed_on" : "withdrawn_on";
            try (PreparedStatement update = connection.prepareStatement("UPDATE trainee SET status = ?, " + column
                    + " = ?, withdrawal_reason = ?, updated_at = ?, updated_by = ? WHERE led_id = ? AND id = ?")) {
                update.setString(1, to.name());
                update.setObject(2, on);
                update.setString(3, reason);
                update.setObject(4, OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC));
                update.setString(5, by);
                update.setObject(6, ledId);
                update.setObject(7, traineeId);
                update.executeUpdate();
            }
            return find(connection, ledId, traineeId, false);
        } catch (SQLException e) {
            throw ProgrammeService.failed("recording a trainee's exit", e);
        }
    }

    /** Gives the trainee a mentor, replacing the one before. */
    @Transactional
    public TraineeView mentor(UUID ledId, UUID traineeId, @NotNull @Valid MentorRequest request, String by) {
        try (Connection connection = dataSource.getConnection()) {
            find(connection, ledId, traineeId, true);
            try (PreparedStatement update = connection.prepareStatement("UPDATE trainee SET mentor_name = ?, "
                    + "mentor_field = ?, updated_at = ?, updated_by = ? WHERE led_id = ? AND id = ?")) {
                update.setString(1, request.name().strip());
                update.setString(2, request.field().strip());
                update.setObject(3, OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC));
                update.setString(4, by);
                update.setObject(5, ledId);
                update.setObject(6, traineeId);
                update.executeUpdate();
            }
            return find(connection, ledId, traineeId, false);
        } catch (SQLException e) {
            throw ProgrammeService.failed("giving a mentor", e);
        }
    }

    /** 422 {@code date-before-enrolment} when {@code day} is before the trainee's enrolment. */
    static void requireOnOrAfterEnrolment(TraineeView trainee, LocalDate day, String field) {
        if (day.isBefore(trainee.enrolledOn())) {
            throw new ApiException(ProblemType.DATE_BEFORE_ENROLMENT, field + ": " + day
                    + " is before the enrolment on " + trainee.enrolledOn(),
                    List.of(new Problem.FieldError(field, "must not be before the enrolment on "
                            + trainee.enrolledOn())));
        }
    }

    /** The LED's trainee, or 404; {@code lock} holds the trainee's row until commit. */
    static TraineeView find(Connection connection, UUID ledId, UUID traineeId, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + FROM
                + " WHERE t.led_id = ? AND t.id = ?" + (lock ? " FOR UPDATE OF t" : ""))) {
            select.setObject(1, ledId);
            select.setObject(2, traineeId);
            return read(select).stream().findFirst()
                    .orElseThrow(() -> ApiException.notFound("trainee " + traineeId));
        }
    }

    static List<TraineeView> read(PreparedStatement select) throws SQLException {
        List<TraineeView> views = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String mentor = row.getString("mentor_name");
                views.add(new TraineeView(row.getObject("id", UUID.class), row.getObject("programme_id", UUID.class),
                        row.getObject("member_id", UUID.class), row.getString("name"),
                        Gender.valueOf(row.getString("gender")),
                        Segment.completedYears(row.getObject("birth_date", LocalDate.class),
                                row.getObject("starts_on", LocalDate.class)),
                        Segment.valueOf(row.getString("segment")), row.getObject("enrolled_on", LocalDate.class),
                        TraineeStatus.valueOf(row.getString("status")),
                        row.getObject("completed_on", LocalDate.class), row.getObject("withdrawn_on", LocalDate.class),
                        row.getString("withdrawal_reason"),
                        mentor == null ? null : new TraineeView.Mentor(mentor, row.getString("mentor_field")),
                        row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getString("created_by")));
            }
        }
        return views;
    }
}
