package id.lumbung.training.money;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.AccountType;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.training.Programme;
import id.lumbung.training.ProgrammeService;

/**
 * The training programme's money through the books, each in one transaction with its record and
 * one entry posted by {@link PostingService}: funding received (Dr the collection account · Cr other
 * income), programme expenses (Dr training expense · Cr the paying account), and capital assistance
 * to a trainee (Dr capital assistance expense · Cr the paying account when the LED pays it; no entry
 * when a sponsor gives it directly). Accounts are found by purpose, never by a literal code.
 */
@ApplicationScoped
public class TrainingMoneyService {

    /** The journal reference type of assistance entries: they reference the trainee. */
    public static final String TRAINEE_REFERENCE = "TRAINEE";

    private final DataSource dataSource;
    private final PostingService posting;
    private final PostingRules rules;
    private final SystemAccounts system;

    public TrainingMoneyService(DataSource dataSource, PostingService posting, PostingRules rules,
            SystemAccounts system) {
        this.dataSource = dataSource;
        this.posting = posting;
        this.rules = rules;
        this.system = system;
    }

    @Transactional
    public FundingReceiptView receiveFunding(UUID ledId, UUID programmeId,
            @NotNull @Valid FundingReceiptRequest request, String by) {
        Programme programme = Programme.require(ledId, programmeId);
        rules.requirePositive(request.amount(), "amount");
        rules.requireNotInFuture(ledId, request.receivedOn(), "receivedOn");
        String account = request.account() == null ? system.code(ledId, AccountPurpose.BANK) : request.account();
        rules.requireCashOrBank(ledId, account, "account");
        try (Connection connection = dataSource.getConnection()) {
            String line = requireLine(connection, ledId, programmeId, request.fundingLine(), "fundingLine");
            UUID id = Ids.next();
            PostedEntry entry = posting.post(new EntryDraft(ledId, request.receivedOn(), EntryKind.TRAINING_FUNDING,
                    "Dana " + line + " untuk " + programme.name,
                    new EntryDraft.Reference(Programme.REFERENCE_TYPE, programmeId), null, List.of(
                            new EntryDraft.Line(account, Side.DEBIT, request.amount()),
                            new EntryDraft.Line(system.code(ledId, AccountPurpose.OTHER_INCOME), Side.CREDIT,
                                    request.amount()))), by);
            OffsetDateTime now = now();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO training_funding_receipt (led_id, id, programme_id, funding_line, amount, received_on,
                                                          account_code, entry_id, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, ledId);
                insert.setObject(2, id);
                insert.setObject(3, programmeId);
                insert.setString(4, line);
                insert.setBigDecimal(5, request.amount().value());
                insert.setObject(6, request.receivedOn());
                insert.setString(7, account);
                insert.setObject(8, entry.id());
                insert.setObject(9, now);
                insert.setString(10, by);
                insert.executeUpdate();
            }
            return new FundingReceiptView(id, programmeId, line, request.amount(), request.receivedOn(), account,
                    entry.id(), now.toInstant(), by);
        } catch (SQLException e) {
            throw ProgrammeService.failed("recording funding", e);
        }
    }

    @Transactional
    public ProgrammeExpenseView spend(UUID ledId, UUID programmeId, @NotNull @Valid ProgrammeExpenseRequest request,
            String by) {
        Programme programme = Programme.require(ledId, programmeId);
        rules.requirePositive(request.amount(), "amount");
        rules.requireNotInFuture(ledId, request.paidOn(), "paidOn");
        String account = request.account() == null ? system.code(ledId, AccountPurpose.TRAINING_EXPENSE)
                : request.account();
        rules.requireType(ledId, account, AccountType.EXPENSE, "account");
        String paidFrom = request.paidFrom() == null ? system.code(ledId, AccountPurpose.CASH) : request.paidFrom();
        rules.requireCashOrBank(ledId, paidFrom, "paidFrom");
        try (Connection connection = dataSource.getConnection()) {
            String line = request.fundingLine() == null ? null
                    : requireLine(connection, ledId, programmeId, request.fundingLine(), "fundingLine");
            UUID id = Ids.next();
            String description = request.description().strip();
            PostedEntry entry = posting.post(new EntryDraft(ledId, request.paidOn(), EntryKind.EXPENSE,
                    description + " (" + programme.name + ")",
                    new EntryDraft.Reference(Programme.REFERENCE_TYPE, programmeId), null, List.of(
                            new EntryDraft.Line(account, Side.DEBIT, request.amount()),
                            new EntryDraft.Line(paidFrom, Side.CREDIT, request.amount()))), by);
            OffsetDateTime now = now();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO training_expense (led_id, id, programme_id, funding_line, amount, paid_on, description,
                                                  account_code, paid_from, entry_id, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, ledId);
                insert.setObject(2, id);
                insert.setObject(3, programmeId);
                insert.setString(4, line);
                insert.setBigDecimal(5, request.amount().value());
                insert.setObject(6, request.paidOn());
                insert.setString(7, description);
                insert.setString(8, account);
                insert.setString(9, paidFrom);
                insert.setObject(10, entry.id());
                insert.setObject(11, now);
                insert.setString(12, by);
                insert.executeUpdate();
            }
            return new ProgrammeExpenseView(id, programmeId, request.amount(), request.paidOn(), description, line,
                    account, paidFrom, entry.id(), now.toInstant(), by);
        } catch (SQLException e) {
            throw ProgrammeService.failed("recording a programme expense", e);
        }
    }

    /**
     * Records capital assistance to a trainee of this LED (another LED's trainee is 404). Paid by the
     * LED it posts a CAPITAL_ASSISTANCE entry referencing the trainee; given by a sponsor it is
     * recorded without one. Either way it counts as capital the trainee received from {@code givenOn}.
     */
    @Transactional
    public AssistanceView assist(UUID ledId, UUID traineeId, @NotNull @Valid AssistanceRequest request, String by) {
        try (Connection connection = dataSource.getConnection()) {
            UUID memberId = memberOf(connection, ledId, traineeId);
            rules.requirePositive(request.value(), "value");
            rules.requireNotInFuture(ledId, request.givenOn(), "givenOn");
            String sponsor = request.sponsor() == null || request.sponsor().isBlank() ? null
                    : request.sponsor().strip();
            String paidFrom = null;
            if (request.paidByLed()) {
                paidFrom = request.paidFrom() == null ? system.code(ledId, AccountPurpose.CASH) : request.paidFrom();
                rules.requireCashOrBank(ledId, paidFrom, "paidFrom");
            } else {
                if (sponsor == null) {
                    throw ApiException.invalidField("sponsor", "name the sponsor who gave it when the LED did not pay");
                }
                if (request.paidFrom() != null) {
                    throw ApiException.invalidField("paidFrom", "only assistance the LED paid is paid from an account");
                }
            }
            if (request.grantId() != null && !grantExists(connection, ledId, request.grantId())) {
                throw new ApiException(ProblemType.UNKNOWN_GRANT, "grantId: no grant " + request.grantId()
                        + " in this LED", List.of(new Problem.FieldError("grantId", "no grant " + request.grantId()
                        + " in this LED")));
            }
            UUID id = Ids.next();
            String description = request.description().strip();
            UUID entryId = null;
            if (request.paidByLed()) {
                entryId = posting.post(new EntryDraft(ledId, request.givenOn(), EntryKind.CAPITAL_ASSISTANCE,
                        "Bantuan modal: " + description, new EntryDraft.Reference(TRAINEE_REFERENCE, traineeId), null,
                        List.of(new EntryDraft.Line(system.code(ledId, AccountPurpose.CAPITAL_ASSISTANCE_EXPENSE),
                                        Side.DEBIT, request.value()),
                                new EntryDraft.Line(paidFrom, Side.CREDIT, request.value()))), by).id();
            }
            OffsetDateTime now = now();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO capital_assistance (led_id, id, trainee_id, member_id, kind, description, value,
                                                    given_on, grant_id, paid_by_led, sponsor, paid_from, entry_id,
                                                    recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, ledId);
                insert.setObject(2, id);
                insert.setObject(3, traineeId);
                insert.setObject(4, memberId);
                insert.setString(5, request.kind().name());
                insert.setString(6, description);
                insert.setBigDecimal(7, request.value().value());
                insert.setObject(8, request.givenOn());
                insert.setObject(9, request.grantId());
                insert.setBoolean(10, request.paidByLed());
                insert.setString(11, sponsor);
                insert.setString(12, paidFrom);
                insert.setObject(13, entryId);
                insert.setObject(14, now);
                insert.setString(15, by);
                insert.executeUpdate();
            }
            return new AssistanceView(id, traineeId, request.kind(), description, request.value(), request.givenOn(),
                    request.grantId(), request.paidByLed(), sponsor, paidFrom, entryId, now.toInstant(), by);
        } catch (SQLException e) {
            throw ProgrammeService.failed("recording capital assistance", e);
        }
    }

    /** The funding line's name as stored, or 422 {@code unknown-funding-line}. */
    private static String requireLine(Connection connection, UUID ledId, UUID programmeId, String name, String field)
            throws SQLException {
        String wanted = name.strip();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name FROM training_funding_line WHERE led_id = ? AND programme_id = ? AND name = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, programmeId);
            select.setString(3, wanted);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return row.getString(1);
                }
            }
        }
        throw new ApiException(ProblemType.UNKNOWN_FUNDING_LINE, field + ": the programme has no funding line "
                + wanted, List.of(new Problem.FieldError(field, "the programme has no funding line " + wanted)));
    }

    private static UUID memberOf(Connection connection, UUID ledId, UUID traineeId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT member_id FROM trainee WHERE led_id = ? AND id = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, traineeId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ApiException.notFound("trainee " + traineeId);
                }
                return row.getObject(1, UUID.class);
            }
        }
    }

    private static boolean grantExists(Connection connection, UUID ledId, UUID grantId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM district_grant WHERE led_id = ? AND id = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, grantId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC);
    }
}
