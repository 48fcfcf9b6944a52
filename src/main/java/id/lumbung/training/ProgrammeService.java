package id.lumbung.training;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/**
 * Training programmes: creating one with its modules and funding lines, and reading it with what
 * has happened since (sessions held, enrolment, money) in a fixed number of statements.
 */
@ApplicationScoped
public class ProgrammeService {

    /** A funding receipt or programme expense counts while its entry stands: not reversed in the journal. */
    static final String STANDS = "NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.led_id = %1$s.led_id"
            + " AND r.reverses_id = %1$s.entry_id)";

    private final DataSource dataSource;

    public ProgrammeService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public ProgrammeView create(UUID ledId, @NotNull @Valid ProgrammeRequest request, String by) {
        List<Problem.FieldError> problems = new ArrayList<>();
        if (request.endsOn().isBefore(request.startsOn())) {
            problems.add(new Problem.FieldError("endsOn", "must not be before startsOn (" + request.startsOn() + ")"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.modules().size(); i++) {
            if (!codes.add(request.modules().get(i).code())) {
                problems.add(new Problem.FieldError("modules[" + i + "].code", "another module has this code"));
            }
        }
        List<ProgrammeRequest.FundingLine> funding = request.funding() == null ? List.of() : request.funding();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < funding.size(); i++) {
            if (!names.add(funding.get(i).name().strip())) {
                problems.add(new Problem.FieldError("funding[" + i + "].name", "another funding line has this name"));
            }
            if (!funding.get(i).amount().isPositive()) {
                problems.add(new Problem.FieldError("funding[" + i + "].amount", "must be greater than zero"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.ofFields(ProblemType.VALIDATION_FAILED, problems, "fields are invalid");
        }
        Programme programme = new Programme();
        programme.id = Ids.next();
        programme.ledId = ledId;
        programme.name = request.name().strip();
        programme.startsOn = request.startsOn();
        programme.endsOn = request.endsOn();
        programme.venue = request.venue() == null || request.venue().isBlank() ? null : request.venue().strip();
        programme.venueType = request.venueType();
        programme.segment = request.segment();
        programme.sessionsPerWeek = request.sessionsPerWeek();
        programme.hoursPerSession = request.hoursPerSession();
        programme.createdAt = Timestamps.now();
        programme.createdBy = by;
        programme.persistAndFlush();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO training_module (led_id, "
                    + "programme_id, code, position, title, area) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < request.modules().size(); i++) {
                    ProgrammeRequest.ModuleLine module = request.modules().get(i);
                    insert.setObject(1, ledId);
                    insert.setObject(2, programme.id);
                    insert.setString(3, module.code());
                    insert.setInt(4, i + 1);
                    insert.setString(5, module.title().strip());
                    insert.setString(6, module.area().name());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO training_funding_line (led_id, "
                    + "programme_id, name, position, source, pledged) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < funding.size(); i++) {
                    insert.setObject(1, ledId);
                    insert.setObject(2, programme.id);
                    insert.setString(3, funding.get(i).name().strip());
                    insert.setInt(4, i + 1);
                    insert.setString(5, funding.get(i).source().name());
                    insert.setBigDecimal(6, funding.get(i).amount().value());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw failed("creating a programme", e);
        }
        return view(programme);
    }

    @Transactional
    public ProgrammeView get(UUID ledId, UUID programmeId) {
        return view(Programme.require(ledId, programmeId));
    }

    /** Programmes in the order they were created. */
    @Transactional
    public Page<ProgrammeSummaryView> list(UUID ledId, int limit, String after) {
        List<Programme> found = Programme.<Programme>find("ledId = ?1 and id > ?2 order by id", ledId,
                Cursor.afterId(after)).page(0, limit + 1).list();
        return Page.of(found, limit, ProgrammeSummaryView::from, programme -> programme.id.toString());
    }

    /** The programme's view: its modules, enrolment and money, in three statements. */
    private ProgrammeView view(Programme programme) {
        try (Connection connection = dataSource.getConnection()) {
            List<ProgrammeView.ModuleView> modules = new ArrayList<>();
            long sessions = 0;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT m.code, m.title, m.area,
                           (SELECT count(*) FROM training_session s WHERE s.led_id = m.led_id
                               AND s.programme_id = m.programme_id AND s.module_code = m.code)
                      FROM training_module m WHERE m.led_id = ? AND m.programme_id = ? ORDER BY m.position""")) {
                select.setObject(1, programme.ledId);
                select.setObject(2, programme.id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        modules.add(new ProgrammeView.ModuleView(row.getString(1), row.getString(2),
                                ModuleArea.valueOf(row.getString(3)), row.getLong(4)));
                        sessions += row.getLong(4);
                    }
                }
            }
            ProgrammeView.Enrolment enrolment;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT count(*), count(*) FILTER (WHERE status = 'ENROLLED'),
                           count(*) FILTER (WHERE status = 'COMPLETED'), count(*) FILTER (WHERE status = 'WITHDRAWN')
                      FROM trainee WHERE led_id = ? AND programme_id = ?""")) {
                select.setObject(1, programme.ledId);
                select.setObject(2, programme.id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    enrolment = new ProgrammeView.Enrolment(row.getLong(1), row.getLong(2), row.getLong(3),
                            row.getLong(4));
                }
            }
            return new ProgrammeView(programme.id, programme.name, programme.startsOn, programme.endsOn,
                    programme.venue, programme.venueType, programme.segment, programme.sessionsPerWeek,
                    programme.hoursPerSession, modules, sessions, enrolment, funding(connection, programme),
                    programme.createdAt, programme.createdBy);
        } catch (SQLException e) {
            throw failed("reading a programme", e);
        }
    }

    /**
     * Pledged, received and spent per line, and what was spent without a line: one statement, the
     * lines' sums in lateral subqueries and the unassigned spending as a row without a line.
     */
    private static ProgrammeView.Funding funding(Connection connection, Programme programme) throws SQLException {
        List<ProgrammeView.Line> lines = new ArrayList<>();
        BigDecimal unassigned = BigDecimal.ZERO;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT f.source, f.name, f.pledged,
                       (SELECT coalesce(sum(x.amount), 0) FROM training_funding_receipt x
                         WHERE x.led_id = f.led_id AND x.programme_id = f.programme_id AND x.funding_line = f.name
                           AND %1$s),
                       (SELECT coalesce(sum(e.amount), 0) FROM training_expense e
                         WHERE e.led_id = f.led_id AND e.programme_id = f.programme_id AND e.funding_line = f.name
                           AND %2$s),
                       f.position
                  FROM training_funding_line f WHERE f.led_id = ? AND f.programme_id = ?
                UNION ALL
                SELECT NULL, NULL, 0, 0, coalesce(sum(e.amount), 0), 2147483647
                  FROM training_expense e WHERE e.led_id = ? AND e.programme_id = ? AND e.funding_line IS NULL
                   AND %2$s
                 ORDER BY 6""".formatted(STANDS.formatted("x"), STANDS.formatted("e")))) {
            select.setObject(1, programme.ledId);
            select.setObject(2, programme.id);
            select.setObject(3, programme.ledId);
            select.setObject(4, programme.id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (row.getString(2) == null) {
                        unassigned = row.getBigDecimal(5);
                    } else {
                        lines.add(new ProgrammeView.Line(FundingSource.valueOf(row.getString(1)), row.getString(2),
                                Amount.of(row.getBigDecimal(3)), Amount.of(row.getBigDecimal(4)),
                                Amount.of(row.getBigDecimal(5))));
                    }
                }
            }
        }
        Amount pledged = lines.stream().map(ProgrammeView.Line::pledged).reduce(Amount.ZERO, Amount::plus);
        Amount received = lines.stream().map(ProgrammeView.Line::received).reduce(Amount.ZERO, Amount::plus);
        Amount spent = lines.stream().map(ProgrammeView.Line::spent).reduce(Amount.of(unassigned), Amount::plus);
        return new ProgrammeView.Funding(lines, Amount.of(unassigned), new ProgrammeView.Totals(pledged, received,
                spent));
    }

    /** The programme's module codes, for checking what a session or evaluation names. */
    public static boolean hasModule(Connection connection, UUID ledId, UUID programmeId, String code)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM training_module WHERE led_id = ? AND programme_id = ? AND code = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, programmeId);
            select.setString(3, code);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** 422 {@code unknown-module} naming {@code field}. */
    public static ApiException unknownModule(String field, String name, String code) {
        return new ApiException(ProblemType.UNKNOWN_MODULE, field + ": " + name + " has no module " + code,
                List.of(new Problem.FieldError(field, "the programme has no module " + code)));
    }

    /** SQL failures carry only their state (a member's data could be quoted in PostgreSQL's detail). */
    public static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + " failed: SQL state " + e.getSQLState(), e);
    }
}
