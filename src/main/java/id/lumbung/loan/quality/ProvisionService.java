package id.lumbung.loan.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.JournalHead;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.ledger.account.AccountService;
import id.lumbung.loan.Loan;
import id.lumbung.loan.LoanPositions;
import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/**
 * Loan-loss provisioning (PPAP): classifies every loan as of a day by the setting in force then,
 * and posts one PROVISION entry dated that day bringing 1-1310 (the allowance, a contra-asset with
 * a credit balance), as booked as of that day, to exactly what the loans need — Dr 5-1200 Loan-loss
 * expense · Cr 1-1310 when it rises, the reverse when it falls, nothing when it is already there.
 *
 * <p>The journal head is locked first, so a run reads the allowance and the loans with every
 * earlier entry committed and no other posting of the LED between its read and its entry; two runs
 * never both book the same difference. A run may not be dated before the latest run: it would move
 * the allowance under a later run's figure.
 */
@ApplicationScoped
public class ProvisionService {

    /** {@code reference.type} of a provision's entry. */
    public static final String REFERENCE_TYPE = "LOAN_PROVISION";

    private static final TypeReference<List<ProvisionClassView>> CLASSES = new TypeReference<>() {
    };

    private final PostingService posting;
    private final PostingRules rules;
    private final LoanQualityService quality;
    private final LoanGrades grades;
    private final LoanPositions positions;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final SystemAccounts system;
    private final AccountService accounts;

    public ProvisionService(PostingService posting, PostingRules rules, LoanQualityService quality, LoanGrades grades,
            LoanPositions positions, DataSource dataSource, ObjectMapper json, SystemAccounts system,
            AccountService accounts) {
        this.system = system;
        this.accounts = accounts;
        this.posting = posting;
        this.rules = rules;
        this.quality = quality;
        this.grades = grades;
        this.positions = positions;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Computes what the portfolio needs as of {@code asOf} and books the difference to 1-1310. */
    @Transactional
    public ProvisionView provision(UUID ledId, @NotNull @Valid ProvisionRequest request, String recordedBy) {
        LocalDate asOf = request.asOf();
        rules.requireNotInFuture(ledId, asOf, "asOf");
        JournalHead head = JournalHead.<JournalHead>findByIdOptional(ledId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("LED " + ledId));
        if (head.closedThrough != null && !asOf.isAfter(head.closedThrough)) {
            throw new ApiException(ProblemType.PERIOD_CLOSED, "books of this LED are closed through "
                    + head.closedThrough + "; " + asOf + " lies inside a closed period",
                    List.of(new Problem.FieldError("asOf", "must be after " + head.closedThrough)));
        }
        LocalDate latest = latestAsOf(ledId);
        if (latest != null && asOf.isBefore(latest)) {
            throw new ApiException(ProblemType.PROVISION_OUT_OF_ORDER, "the latest provision is as of " + latest
                    + "; one as of " + asOf + " would move the allowance under its figure",
                    List.of(new Problem.FieldError("asOf", "must be on or after " + latest)));
        }

        LoanQualityService.Change change = quality.inForceNow(ledId, asOf);
        List<Loan> loans = Loan.<Loan>list("ledId = ?1 and latestEventOn is not null", ledId);
        Map<UUID, LoanPosition> standing = positions.asOf(ledId, loans, asOf);
        Map<UUID, Grade> graded = grades.of(change.setting(), loans, standing, asOf);
        List<ProvisionClassView> byClass = byClass(change.setting(), graded.values());
        Amount required = byClass.stream().map(ProvisionClassView::provisionRequired).reduce(Amount.ZERO,
                Amount::plus);
        Amount bookedBefore = allowanceAsOf(ledId, asOf);

        UUID id = Ids.next();
        UUID entryId = null;
        Amount difference = required.minus(bookedBefore);
        if (!difference.isZero()) {
            boolean rises = difference.isPositive();
            Amount amount = rises ? difference : difference.negate();
            String expense = system.code(ledId, AccountPurpose.LOAN_LOSS_EXPENSE);
            String allowance = system.code(ledId, AccountPurpose.LOAN_LOSS_ALLOWANCE);
            List<EntryDraft.Line> lines = List.of(
                    new EntryDraft.Line(rises ? expense : allowance, Side.DEBIT, amount),
                    new EntryDraft.Line(rises ? allowance : expense, Side.CREDIT, amount));
            PostedEntry entry = posting.post(new EntryDraft(ledId, asOf, EntryKind.PROVISION,
                    "Penyisihan kerugian pinjaman (PPAP) per " + asOf + ": " + bookedBefore + " → " + required,
                    new EntryDraft.Reference(REFERENCE_TYPE, id), null, lines), recordedBy);
            entryId = entry.id();
        }
        ProvisionView view = new ProvisionView(id, asOf, required, bookedBefore, entryId, change.id(), byClass,
                Timestamps.now(), recordedBy);
        insert(ledId, view);
        return view;
    }

    /** Provisioning runs in the order they were recorded. */
    @Transactional
    public Page<ProvisionView> list(UUID ledId, int limit, String after) {
        return Page.of(select(ledId, "id > ? ORDER BY id LIMIT " + (limit + 1), Cursor.afterId(after)), limit,
                view -> view, view -> view.id().toString());
    }

    /** One provisioning run. */
    @Transactional
    public ProvisionView get(UUID ledId, UUID provisionId) {
        List<ProvisionView> found = select(ledId, "id = ?", provisionId);
        if (found.isEmpty()) {
            throw ApiException.notFound("provision " + provisionId);
        }
        return found.get(0);
    }

    /** Every class of the setting, best first, with the loans graded into it. */
    static List<ProvisionClassView> byClass(QualitySetting setting, Iterable<Grade> graded) {
        List<ProvisionClassView> rows = new ArrayList<>();
        for (QualityClass c : setting.classes()) {
            int loans = 0;
            Amount outstanding = Amount.ZERO;
            Amount provision = Amount.ZERO;
            for (Grade grade : graded) {
                if (grade.kolektibilitas() == c.kolektibilitas()) {
                    loans++;
                    outstanding = outstanding.plus(grade.outstandingPrincipal());
                    provision = provision.plus(grade.provisionRequired());
                }
            }
            rows.add(new ProvisionClassView(c.kolektibilitas(), loans, outstanding, c.rate(), provision));
        }
        return rows;
    }

    /** The allowance's balance (credit-normal) at the end of {@code asOf}, as the ledger reads it as of a day. */
    private Amount allowanceAsOf(UUID ledId, LocalDate asOf) {
        return accounts.get(ledId, system.code(ledId, AccountPurpose.LOAN_LOSS_ALLOWANCE), asOf).balance();
    }

    private LocalDate latestAsOf(UUID ledId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT max(as_of) FROM loan_provision WHERE led_id = ?")) {
            select.setObject(1, ledId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getObject(1, LocalDate.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading provisions failed: SQL state " + e.getSQLState(), e);
        }
    }

    private void insert(UUID ledId, ProvisionView view) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO loan_provision (led_id, id, as_of, required, booked_before, entry_id,
                            quality_change_id, by_class, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""")) {
            int p = 1;
            insert.setObject(p++, ledId);
            insert.setObject(p++, view.id());
            insert.setObject(p++, view.asOf());
            insert.setBigDecimal(p++, view.required().value());
            insert.setBigDecimal(p++, view.bookedBefore().value());
            insert.setObject(p++, view.entryId());
            insert.setObject(p++, view.qualityChangeId());
            insert.setString(p++, json.writeValueAsString(view.byClass()));
            insert.setObject(p++, OffsetDateTime.ofInstant(view.recordedAt(), ZoneOffset.UTC));
            insert.setString(p, view.recordedBy());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing a provision failed: SQL state " + e.getSQLState(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a provision's classes cannot be written as JSON", e);
        }
    }

    private List<ProvisionView> select(UUID ledId, String where, Object parameter) {
        List<ProvisionView> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT id, as_of, required, booked_before, entry_id, quality_change_id, by_class::text,
                               recorded_at, recorded_by
                          FROM loan_provision WHERE led_id = ?\s""" + "AND " + where)) {
            select.setObject(1, ledId);
            select.setObject(2, parameter);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new ProvisionView(row.getObject(1, UUID.class), row.getObject(2, LocalDate.class),
                            Amount.of(row.getBigDecimal(3)), Amount.of(row.getBigDecimal(4)),
                            row.getObject(5, UUID.class), row.getObject(6, UUID.class),
                            json.readValue(row.getString(7), CLASSES), instant(row.getObject(8, OffsetDateTime.class)),
                            row.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading provisions failed: SQL state " + e.getSQLState(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored provision's classes cannot be read", e);
        }
        return found;
    }

    private static Instant instant(OffsetDateTime at) {
        return at.toInstant();
    }
}
