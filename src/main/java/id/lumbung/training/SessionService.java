package id.lumbung.training;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.ledger.PostingRules;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.time.Timestamps;

/** Sessions of a programme and their attendance. */
@ApplicationScoped
public class SessionService {

    private final DataSource dataSource;
    private final PostingRules rules;

    public SessionService(DataSource dataSource, PostingRules rules) {
        this.dataSource = dataSource;
        this.rules = rules;
    }

    /** Records a session of one of the programme's modules, held within its run and not after today. */
    @Transactional
    public SessionView record(UUID ledId, UUID programmeId, @NotNull @Valid SessionRequest request, String by) {
        Programme programme = Programme.require(ledId, programmeId);
        if (!programme.runs(request.heldOn())) {
            throw outside("heldOn", request.heldOn() + " is outside the programme's run (" + programme.startsOn
                    + " to " + programme.endsOn + ")");
        }
        rules.requireNotInFuture(ledId, request.heldOn(), "heldOn");
        try (Connection connection = dataSource.getConnection()) {
            if (!ProgrammeService.hasModule(connection, ledId, programmeId, request.moduleCode())) {
                throw ProgrammeService.unknownModule("moduleCode", programme.name, request.moduleCode());
            }
        } catch (SQLException e) {
            throw ProgrammeService.failed("checking a module", e);
        }
        Session session = new Session();
        session.id = Ids.next();
        session.ledId = ledId;
        session.programmeId = programmeId;
        session.moduleCode = request.moduleCode();
        session.heldOn = request.heldOn();
        session.topic = request.topic() == null || request.topic().isBlank() ? null : request.topic().strip();
        session.method = request.method();
        session.hours = request.hours() != null ? request.hours() : programme.hoursPerSession;
        session.recordedAt = Timestamps.now();
        session.recordedBy = by;
        session.persistAndFlush();
        return SessionView.from(session, List.of());
    }

    /**
     * Replaces who attended the session with {@code present}: the same list twice leaves the same
     * rows (the PUT is idempotent). Everyone named must be a trainee of the session's programme who
     * had enrolled by the session's day; otherwise 422 {@code not-enrolled} names each, nothing written.
     */
    @Transactional
    public SessionView replaceAttendance(UUID ledId, UUID programmeId, UUID sessionId,
            @NotNull @Valid AttendanceRequest request) {
        Programme.require(ledId, programmeId);
        Session session = Session.<Session>find("ledId = ?1 and id = ?2 and programmeId = ?3", ledId, sessionId,
                programmeId).firstResultOptional().orElseThrow(() -> ApiException.notFound("session " + sessionId));
        Set<UUID> present = new LinkedHashSet<>(request.present());
        try (Connection connection = dataSource.getConnection()) {
            Set<UUID> enrolled = new java.util.HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id FROM trainee WHERE led_id = ? AND programme_id = ? AND id = ANY (?)
                       AND enrolled_on <= ?""")) {
                select.setObject(1, ledId);
                select.setObject(2, programmeId);
                select.setArray(3, connection.createArrayOf("uuid", present.toArray()));
                select.setObject(4, session.heldOn);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        enrolled.add(row.getObject(1, UUID.class));
                    }
                }
            }
            List<Problem.FieldError> strangers = new ArrayList<>();
            for (int i = 0; i < request.present().size(); i++) {
                UUID trainee = request.present().get(i);
                if (!enrolled.contains(trainee)) {
                    strangers.add(new Problem.FieldError("present[" + i + "]", trainee
                            + " is not a trainee of this programme enrolled by " + session.heldOn));
                }
            }
            if (!strangers.isEmpty()) {
                throw ApiException.ofFields(ProblemType.NOT_ENROLLED, strangers,
                        "people named are not trainees of this programme");
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM training_attendance WHERE led_id = ? AND session_id = ?"
                            + " AND NOT (trainee_id = ANY (?))")) {
                delete.setObject(1, ledId);
                delete.setObject(2, sessionId);
                delete.setArray(3, connection.createArrayOf("uuid", present.toArray()));
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO training_attendance (led_id, session_id, trainee_id)
                    SELECT ?, ?, t FROM unnest(?::uuid[]) AS t ON CONFLICT DO NOTHING""")) {
                insert.setObject(1, ledId);
                insert.setObject(2, sessionId);
                insert.setArray(3, connection.createArrayOf("uuid", present.toArray()));
                insert.executeUpdate();
            }
            return SessionView.from(session, attendance(connection, ledId, sessionId));
        } catch (SQLException e) {
            throw ProgrammeService.failed("replacing attendance", e);
        }
    }

    private static List<UUID> attendance(Connection connection, UUID ledId, UUID sessionId) throws SQLException {
        List<UUID> present = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT trainee_id FROM training_attendance WHERE led_id = ? AND session_id = ? ORDER BY trainee_id")) {
            select.setObject(1, ledId);
            select.setObject(2, sessionId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    present.add(row.getObject(1, UUID.class));
                }
            }
        }
        return present;
    }

    static ApiException outside(String field, String message) {
        return new ApiException(ProblemType.DATE_OUTSIDE_PROGRAMME, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
