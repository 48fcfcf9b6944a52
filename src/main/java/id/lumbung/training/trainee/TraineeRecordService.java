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

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.ledger.PostingRules;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.training.ProgrammeService;

/**
 * What is recorded about a trainee's training: module evaluations (one per module, corrected in
 * place with the old values in the audit trail), feedback, and the monitoring outcomes.
 */
@ApplicationScoped
public class TraineeRecordService {

    private static final String EVALUATION_COLUMNS = "id, trainee_id, module_code, score, evaluated_on, recorded_at, "
            + "recorded_by, updated_at, updated_by";
    private static final String FEEDBACK_COLUMNS = "id, trainee_id, given_on, rating, comment, recorded_at, "
            + "recorded_by";
    private static final String OUTCOME_COLUMNS = "id, trainee_id, recorded_on, monthly_income, employed, "
            + "business_started, business_name, business_sector, joined_group_id, recorded_at, recorded_by";

    private final DataSource dataSource;
    private final PostingRules rules;
    private final AuditTrail audit;

    public TraineeRecordService(DataSource dataSource, PostingRules rules, AuditTrail audit) {
        this.dataSource = dataSource;
        this.rules = rules;
        this.audit = audit;
    }

    /** The trainee with their evaluations, feedback and outcomes: four statements. */
    @Transactional
    public TraineeDetailView detail(UUID ledId, UUID traineeId) {
        try (Connection connection = dataSource.getConnection()) {
            TraineeView trainee = TraineeService.find(connection, ledId, traineeId, false);
            List<EvaluationView> evaluations = evaluations(connection, """
                    SELECT e.id, e.trainee_id, e.module_code, e.score, e.evaluated_on, e.recorded_at, e.recorded_by,
                           e.updated_at, e.updated_by
                      FROM training_evaluation e
                      JOIN training_module m ON m.led_id = e.led_id AND m.programme_id = e.programme_id
                       AND m.code = e.module_code
                     WHERE e.led_id = ? AND e.trainee_id = ? ORDER BY m.position""", ledId, traineeId);
            List<FeedbackView> feedback = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + FEEDBACK_COLUMNS
                    + " FROM training_feedback WHERE led_id = ? AND trainee_id = ? ORDER BY given_on, id")) {
                select.setObject(1, ledId);
                select.setObject(2, traineeId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        feedback.add(feedback(row));
                    }
                }
            }
            List<OutcomeView> outcomes = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + OUTCOME_COLUMNS
                    + " FROM training_outcome WHERE led_id = ? AND trainee_id = ? ORDER BY recorded_on, id")) {
                select.setObject(1, ledId);
                select.setObject(2, traineeId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        outcomes.add(outcome(row));
                    }
                }
            }
            return new TraineeDetailView(trainee, evaluations, feedback, outcomes);
        } catch (SQLException e) {
            throw ProgrammeService.failed("reading a trainee", e);
        }
    }

    /** The evaluation of one module of the trainee's programme: once (409 {@code duplicate-evaluation} after). */
    @Transactional
    public EvaluationView evaluate(UUID ledId, UUID traineeId, @NotNull @Valid EvaluationRequest request, String by) {
        try (Connection connection = dataSource.getConnection()) {
            TraineeView trainee = TraineeService.find(connection, ledId, traineeId, false);
            if (!ProgrammeService.hasModule(connection, ledId, trainee.programmeId(), request.moduleCode())) {
                throw ProgrammeService.unknownModule("moduleCode", "the trainee's programme", request.moduleCode());
            }
            TraineeService.requireOnOrAfterEnrolment(trainee, request.evaluatedOn(), "evaluatedOn");
            rules.requireNotInFuture(ledId, request.evaluatedOn(), "evaluatedOn");
            UUID id = Ids.next();
            OffsetDateTime now = OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO training_evaluation (led_id, id, trainee_id, programme_id, module_code, score,
                                                     evaluated_on, recorded_at, recorded_by, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT ON CONSTRAINT training_evaluation_once DO NOTHING""")) {
                insert.setObject(1, ledId);
                insert.setObject(2, id);
                insert.setObject(3, traineeId);
                insert.setObject(4, trainee.programmeId());
                insert.setString(5, request.moduleCode());
                insert.setInt(6, request.score());
                insert.setObject(7, request.evaluatedOn());
                insert.setObject(8, now);
                insert.setString(9, by);
                insert.setObject(10, now);
                insert.setString(11, by);
                if (insert.executeUpdate() == 0) {
                    throw new ApiException(ProblemType.DUPLICATE_EVALUATION, "the trainee already has an evaluation "
                            + "of module " + request.moduleCode() + "; correct it with PUT");
                }
            }
            audit.record(ledId, "trainee.evaluated", "evaluation", id, Changes.of()
                    .field("traineeId", null, traineeId)
                    .field("moduleCode", null, request.moduleCode())
                    .field("score", null, request.score())
                    .field("evaluatedOn", null, request.evaluatedOn()));
            return evaluation(connection, ledId, traineeId, id, false);
        } catch (SQLException e) {
            throw ProgrammeService.failed("recording an evaluation", e);
        }
    }

    /**
     * Corrects an evaluation in place. The audit trail records who changed it and the score and day
     * before and after, so the correction is never silent.
     */
    @Transactional
    public EvaluationView correct(UUID ledId, UUID traineeId, UUID evaluationId,
            @NotNull @Valid EvaluationCorrection request, String by) {
        try (Connection connection = dataSource.getConnection()) {
            TraineeView trainee = TraineeService.find(connection, ledId, traineeId, false);
            EvaluationView before = evaluation(connection, ledId, traineeId, evaluationId, true);
            TraineeService.requireOnOrAfterEnrolment(trainee, request.evaluatedOn(), "evaluatedOn");
            rules.requireNotInFuture(ledId, request.evaluatedOn(), "evaluatedOn");
            Changes changes = Changes.of().field("score", before.score(), request.score())
                    .field("evaluatedOn", before.evaluatedOn(), request.evaluatedOn());
            if (changes.isEmpty()) {
                return before;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE training_evaluation SET score = ?, "
                    + "evaluated_on = ?, updated_at = ?, updated_by = ? WHERE led_id = ? AND id = ?")) {
                update.setInt(1, request.score());
                update.setObject(2, request.evaluatedOn());
                update.setObject(3, OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC));
                update.setString(4, by);
                update.setObject(5, ledId);
                update.setObject(6, evaluationId);
                update.executeUpdate();
            }
            audit.record(ledId, "trainee.evaluation.corrected", "evaluation", evaluationId, changes);
            return evaluation(connection, ledId, traineeId, evaluationId, false);
        } catch (SQLException e) {
            throw ProgrammeService.failed("correcting an evaluation", e);
        }
    }

    @Transactional
    public FeedbackView feedback(UUID ledId, UUID traineeId, @NotNull @Valid FeedbackRequest request, String by) {
        try (Connection connection = dataSource.getConnection()) {
            TraineeView trainee = TraineeService.find(connection, ledId, traineeId, false);
            TraineeService.requireOnOrAfterEnrolment(trainee, request.givenOn(), "givenOn");
            rules.requireNotInFuture(ledId, request.givenOn(), "givenOn");
            UUID id = Ids.next();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO training_feedback (led_id, id, "
                    + "trainee_id, given_on, rating, comment, recorded_at, recorded_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "RETURNING " + FEEDBACK_COLUMNS)) {
                insert.setObject(1, ledId);
                insert.setObject(2, id);
                insert.setObject(3, traineeId);
                insert.setObject(4, request.givenOn());
                insert.setInt(5, request.rating());
                insert.setString(6, request.comment() == null || request.comment().isBlank() ? null
                        : request.comment().strip());
                insert.setObject(7, OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC));
                insert.setString(8, by);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return feedback(row);
                }
            }
        } catch (SQLException e) {
            throw ProgrammeService.failed("recording feedback", e);
        }
    }

    /** A monitoring record; a negative income is 422 {@code negative-income}, a group must be the LED's. */
    @Transactional
    public OutcomeView outcome(UUID ledId, UUID traineeId, @NotNull @Valid OutcomeRequest request, String by) {
        try (Connection connection = dataSource.getConnection()) {
            TraineeService.find(connection, ledId, traineeId, false);
            if (request.monthlyIncome().value().signum() < 0) {
                throw new ApiException(ProblemType.NEGATIVE_INCOME, "monthlyIncome: must not be below zero",
                        List.of(new Problem.FieldError("monthlyIncome", "must not be below zero")));
            }
            rules.requireNotInFuture(ledId, request.recordedOn(), "recordedOn");
            if (request.joinedGroupId() != null && !groupExists(connection, ledId, request.joinedGroupId())) {
                throw new ApiException(ProblemType.UNKNOWN_GROUP, "joinedGroupId: no KUB group "
                        + request.joinedGroupId() + " in this LED", List.of(new Problem.FieldError("joinedGroupId",
                        "no KUB group " + request.joinedGroupId() + " in this LED")));
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO training_outcome (led_id, id, "
                    + "trainee_id, recorded_on, monthly_income, employed, business_started, business_name, "
                    + "business_sector, joined_group_id, recorded_at, recorded_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + OUTCOME_COLUMNS)) {
                insert.setObject(1, ledId);
                insert.setObject(2, Ids.next());
                insert.setObject(3, traineeId);
                insert.setObject(4, request.recordedOn());
                insert.setBigDecimal(5, request.monthlyIncome().value());
                insert.setBoolean(6, request.employed());
                insert.setBoolean(7, request.businessStarted());
                insert.setString(8, blankToNull(request.businessName()));
                insert.setString(9, blankToNull(request.businessSector()));
                insert.setObject(10, request.joinedGroupId());
                insert.setObject(11, OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC));
                insert.setString(12, by);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return outcome(row);
                }
            }
        } catch (SQLException e) {
            throw ProgrammeService.failed("recording an outcome", e);
        }
    }

    private static boolean groupExists(Connection connection, UUID ledId, UUID groupId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM kub_group WHERE led_id = ? AND id = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, groupId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static EvaluationView evaluation(Connection connection, UUID ledId, UUID traineeId, UUID evaluationId,
            boolean lock) throws SQLException {
        return evaluations(connection, "SELECT " + EVALUATION_COLUMNS + " FROM training_evaluation"
                + " WHERE led_id = ? AND trainee_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""), ledId, traineeId,
                evaluationId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("evaluation " + evaluationId));
    }

    private static List<EvaluationView> evaluations(Connection connection, String sql, Object... args)
            throws SQLException {
        List<EvaluationView> views = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int score = row.getInt(4);
                    views.add(new EvaluationView(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                            row.getString(3), score, score >= EvaluationView.PASSING_SCORE,
                            row.getObject(5, LocalDate.class), row.getObject(6, OffsetDateTime.class).toInstant(),
                            row.getString(7), row.getObject(8, OffsetDateTime.class).toInstant(), row.getString(9)));
                }
            }
        }
        return views;
    }

    private static FeedbackView feedback(ResultSet row) throws SQLException {
        return new FeedbackView(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                row.getObject(3, LocalDate.class), row.getInt(4), row.getString(5),
                row.getObject(6, OffsetDateTime.class).toInstant(), row.getString(7));
    }

    private static OutcomeView outcome(ResultSet row) throws SQLException {
        return new OutcomeView(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                row.getObject(3, LocalDate.class), Amount.of(row.getBigDecimal(4)), row.getBoolean(5),
                row.getBoolean(6), row.getString(7), row.getString(8), row.getObject(9, UUID.class),
                row.getObject(10, OffsetDateTime.class).toInstant(), row.getString(11));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
