package id.lumbung.ledger.yearend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.ledger.period.PeriodService;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.settings.SettingsService;
import id.lumbung.statement.settings.StatementSettingsStore;
import id.lumbung.statement.settings.SurplusTarget;

/**
 * Year-end close with maker–checker: one manager requests it with the village assembly's
 * allocation, another approves it. Approval, in one transaction under the journal head's lock:
 * computes the year's surplus, posts the CLOSING entry dated December 31 that moves every income and
 * expense balance into retained surplus (the journal accepts it into a closed period only here, V21),
 * posts the allocation dated the assembly's decision, and closes the books through December 31.
 */
@ApplicationScoped
public class YearEndService {

    private static final String COLUMNS = """
            id, year, status, allocation, decided_on, decision_reference, requested_by, requested_at, decided_by,
            decided_at, decision_note, surplus, shares, closing_entry_id, allocation_entry_id""";

    private final DataSource dataSource;
    private final PostingService posting;
    private final PeriodService periods;
    private final SettingsService settings;
    private final SystemAccounts system;
    private final ObjectMapper json;
    private final AuditTrail audit;

    public YearEndService(DataSource dataSource, PostingService posting, PeriodService periods,
            SettingsService settings, SystemAccounts system, ObjectMapper json, AuditTrail audit) {
        this.dataSource = dataSource;
        this.posting = posting;
        this.periods = periods;
        this.settings = settings;
        this.system = system;
        this.json = json;
        this.audit = audit;
    }

    /** Holds the request for a second manager; nothing is posted yet. */
    @Transactional
    public YearEndView request(UUID ledId, YearEndRequest request, String requestedBy) {
        LocalDate yearEnd = LocalDate.of(request.year(), 12, 31);
        LocalDate today = posting.today(ledId);
        if (!today.isAfter(yearEnd)) {
            throw new ApiException(ProblemType.YEAR_NOT_ENDED, "year " + request.year() + " ends on " + yearEnd
                    + "; today is " + today);
        }
        if (!request.decidedOn().isAfter(yearEnd) || request.decidedOn().isAfter(today)) {
            throw ApiException.invalidField("decidedOn", "the assembly decides after the year (" + yearEnd
                    + ") and not after today (" + today + ")");
        }
        requireHundred(request.allocation());
        try (Connection connection = dataSource.getConnection()) {
            if (closed(connection, ledId, request.year())) {
                throw new ApiException(ProblemType.YEAR_ALREADY_CLOSED, "year " + request.year() + " is closed");
            }
            UUID id = Ids.next();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO year_end_close (led_id, id, year, allocation, decided_on, decision_reference, status,
                        requested_at, requested_by)
                    VALUES (?, ?, ?, ?::jsonb, ?, ?, 'PENDING', ?, ?)""")) {
                insert.setObject(1, ledId);
                insert.setObject(2, id);
                insert.setInt(3, request.year());
                insert.setString(4, write(request.allocation()));
                insert.setObject(5, request.decidedOn());
                insert.setString(6, request.decisionReference().strip());
                insert.setTimestamp(7, Timestamp.from(Timestamps.now()));
                insert.setString(8, requestedBy);
                insert.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new ApiException(ProblemType.CONCURRENT_UPDATE, "a close of " + request.year()
                            + " already waits for a decision");
                }
                throw e;
            }
            audit.record(ledId, "year-end.requested", "year-end", id, Changes.of()
                    .field("year", null, request.year()).field("allocation", null, request.allocation())
                    .field("decisionReference", null, request.decisionReference()));
            return find(connection, ledId, id);
        } catch (SQLException e) {
            throw new IllegalStateException("requesting a year-end close failed: SQL state " + e.getSQLState(), e);
        }
    }

    @Transactional
    public List<YearEndView> list(UUID ledId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM year_end_close WHERE led_id = ? ORDER BY year DESC, requested_at DESC")) {
            select.setObject(1, ledId);
            List<YearEndView> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(view(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("reading year-end closes failed: SQL state " + e.getSQLState(), e);
        }
    }

    @Transactional
    public YearEndView get(UUID ledId, UUID closeId) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, ledId, closeId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading a year-end close failed: SQL state " + e.getSQLState(), e);
        }
    }

    /**
     * Closes the year as requested. 403 for its maker; 409 when the year is closed, when its loans
     * moved after its last provision run, or when the allocation's day is in a closed period; 422 when
     * the year ended in a deficit and an allocation was decided for it.
     */
    @Transactional
    public YearEndView approve(UUID ledId, UUID closeId, String note, String approvedBy) {
        try (Connection connection = dataSource.getConnection()) {
            // The head's lock first: no entry can land in the year between reading its balances and closing it.
            LocalDate closedThrough = lockHead(connection, ledId);
            YearEndView pending = requirePending(connection, ledId, closeId, true);
            if (pending.requestedBy().equals(approvedBy)) {
                throw new ApiException(ProblemType.APPROVER_IS_MAKER, "a year-end close needs a manager other than "
                        + "its maker (" + pending.requestedBy() + ")");
            }
            if (closed(connection, ledId, pending.year())) {
                throw new ApiException(ProblemType.YEAR_ALREADY_CLOSED, "year " + pending.year() + " is closed");
            }
            LocalDate yearEnd = LocalDate.of(pending.year(), 12, 31);
            requireProvision(connection, ledId, pending.year());
            YearBalances balances = YearBalances.asOf(connection, ledId, yearEnd);
            Amount surplus = balances.surplus();
            if (!surplus.isPositive() && !pending.allocation().isEmpty()) {
                throw new ApiException(ProblemType.ALLOCATION_INVALID, "year " + pending.year() + " ended with "
                        + (surplus.isZero() ? "no surplus" : "a deficit of " + surplus.negate())
                        + ": it closes without an allocation; reject this request and make one without");
            }
            setStatus(connection, ledId, closeId, "CLOSING");
            String retained = system.code(ledId, AccountPurpose.RETAINED_SURPLUS);
            UUID closingEntry = null;
            List<EntryDraft.Line> closingLines = balances.closingLines(retained);
            if (!closingLines.isEmpty()) {
                closingEntry = posting.post(new EntryDraft(ledId, yearEnd, EntryKind.CLOSING, "Penutupan tahun buku "
                        + pending.year() + " (" + pending.decisionReference() + ")",
                        new EntryDraft.Reference("YEAR_END", closeId), null, closingLines), pending.requestedBy()).id();
            }
            // The target accounts in force when it is approved (statement settings), or the system accounts.
            List<YearEndView.PostedShare> shares = shares(ledId, pending.allocation(), surplus,
                    StatementSettingsStore.read(connection, ledId, false).settings().allocationTargets());
            UUID allocationEntry = null;
            if (!shares.isEmpty()) {
                List<EntryDraft.Line> lines = new ArrayList<>();
                lines.add(new EntryDraft.Line(retained, Side.DEBIT, surplus));
                shares.stream().filter(s -> s.amount().isPositive())
                        .forEach(s -> lines.add(new EntryDraft.Line(s.account(), Side.CREDIT, s.amount())));
                PostedEntry entry = posting.post(new EntryDraft(ledId, pending.decidedOn(),
                        EntryKind.SURPLUS_ALLOCATION, "Alokasi surplus " + pending.year() + " ("
                                + pending.decisionReference() + ")", new EntryDraft.Reference("YEAR_END", closeId),
                        null, lines), pending.requestedBy());
                allocationEntry = entry.id();
            }
            // Last, after every append: the period close reads the head through the ORM, fresh.
            if (closedThrough == null || closedThrough.isBefore(yearEnd)) {
                periods.close(ledId, yearEnd, approvedBy);
            }
            decide(connection, ledId, closeId, "APPROVED", approvedBy, note, surplus, shares, closingEntry,
                    allocationEntry);
            audit.record(ledId, "year-end.approved", "year-end", closeId, Changes.of()
                    .field("status", "PENDING", "APPROVED").field("surplus", null, surplus)
                    .field("closingEntryId", null, closingEntry).field("allocationEntryId", null, allocationEntry));
            return find(connection, ledId, closeId);
        } catch (SQLException e) {
            throw new IllegalStateException("approving a year-end close failed: SQL state " + e.getSQLState(), e);
        }
    }

    @Transactional
    public YearEndView reject(UUID ledId, UUID closeId, String note, String rejectedBy) {
        if (note == null || note.isBlank()) {
            throw ApiException.invalidField("note", "a rejection says why");
        }
        try (Connection connection = dataSource.getConnection()) {
            requirePending(connection, ledId, closeId, true);
            decide(connection, ledId, closeId, "REJECTED", rejectedBy, note, null, null, null, null);
            audit.record(ledId, "year-end.rejected", "year-end", closeId, Changes.of()
                    .field("status", "PENDING", "REJECTED").field("decisionNote", null, note.strip()));
            return find(connection, ledId, closeId);
        } catch (SQLException e) {
            throw new IllegalStateException("rejecting a year-end close failed: SQL state " + e.getSQLState(), e);
        }
    }

    /** Each share is surplus × percent rounded by the LED's step; the last target takes the remainder. */
    private List<YearEndView.PostedShare> shares(UUID ledId, List<YearEndRequest.Share> allocation, Amount surplus,
            Map<SurplusTarget, String> targets) {
        List<YearEndView.PostedShare> shares = new ArrayList<>();
        if (allocation.isEmpty() || !surplus.isPositive()) {
            return shares;
        }
        var rule = settings.lending(ledId).rounding();
        Rounding rounding = new Rounding(rule.step(), rule.mode());
        Amount given = Amount.ZERO;
        for (int i = 0; i < allocation.size(); i++) {
            YearEndRequest.Share share = allocation.get(i);
            Amount amount = i == allocation.size() - 1 ? surplus.minus(given)
                    : Amount.of(rounding.round(surplus.value().multiply(new BigDecimal(share.percent()))
                            .divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_EVEN)));
            given = given.plus(amount);
            String chosen = targets.get(share.to());
            shares.add(new YearEndView.PostedShare(share.to(), share.percent(),
                    chosen != null ? chosen : system.code(ledId, share.to().account()), amount));
        }
        return shares;
    }

    private static void requireHundred(List<YearEndRequest.Share> allocation) {
        if (allocation.isEmpty()) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        java.util.Set<SurplusTarget> seen = java.util.EnumSet.noneOf(SurplusTarget.class);
        for (YearEndRequest.Share share : allocation) {
            BigDecimal percent = new BigDecimal(share.percent());
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new ApiException(ProblemType.ALLOCATION_INVALID, "each percentage is more than 0 and at most "
                        + "100; " + share.to() + " has " + share.percent());
            }
            if (!seen.add(share.to())) {
                throw new ApiException(ProblemType.ALLOCATION_INVALID, share.to() + " is listed twice");
            }
            sum = sum.add(percent);
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new ApiException(ProblemType.ALLOCATION_INVALID, "the percentages sum to " + sum.toPlainString()
                    + ", not 100");
        }
    }

    /** A year whose loans moved needs a provision run dated on or after the last movement, within the year. */
    private static void requireProvision(Connection connection, UUID ledId, int year) throws SQLException {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDate moved;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT max(e.effective_date)
                  FROM journal_entry e
                  LEFT JOIN journal_entry r ON r.led_id = e.led_id AND r.id = e.reverses_id
                 WHERE e.led_id = ? AND e.effective_date >= ? AND e.effective_date <= ?
                   AND (e.kind = ANY (?) OR (e.kind = 'REVERSAL' AND r.kind = ANY (?)))""")) {
            String[] kinds = {EntryKind.LOAN_DISBURSEMENT.name(), EntryKind.REPAYMENT.name(),
                EntryKind.WRITE_OFF.name(), EntryKind.RECOVERY.name()};
            select.setObject(1, ledId);
            select.setObject(2, first);
            select.setObject(3, last);
            select.setArray(4, connection.createArrayOf("varchar", kinds));
            select.setArray(5, connection.createArrayOf("varchar", kinds));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                moved = rs.getObject(1, LocalDate.class);
            }
        }
        if (moved == null) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT 1 FROM loan_provision WHERE led_id = ? AND as_of >= ? AND as_of <= ? LIMIT 1""")) {
            select.setObject(1, ledId);
            select.setObject(2, moved);
            select.setObject(3, last);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new ApiException(ProblemType.YEAR_END_NEEDS_PROVISION, "the loans moved on " + moved
                            + " and no provision run is dated between then and " + last
                            + ": run POST /provisions as of " + last + " first");
                }
            }
        }
    }

    private static LocalDate lockHead(Connection connection, UUID ledId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT closed_through FROM journal_head WHERE led_id = ? FOR UPDATE")) {
            select.setObject(1, ledId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("LED " + ledId);
                }
                return rs.getObject(1, LocalDate.class);
            }
        }
    }

    private static boolean closed(Connection connection, UUID ledId, int year) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM year_end_close WHERE led_id = ? AND year = ? AND status = 'APPROVED'")) {
            select.setObject(1, ledId);
            select.setInt(2, year);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private YearEndView requirePending(Connection connection, UUID ledId, UUID closeId, boolean lock)
            throws SQLException {
        YearEndView found = find(connection, ledId, closeId, lock);
        if (found.status() != YearEndView.Status.PENDING) {
            throw new ApiException(ProblemType.YEAR_END_NOT_PENDING, "the close of " + found.year() + " was already "
                    + found.status().name().toLowerCase(java.util.Locale.ROOT) + " by " + found.decidedBy());
        }
        return found;
    }

    private static void setStatus(Connection connection, UUID ledId, UUID closeId, String status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE year_end_close SET status = ? WHERE led_id = ? AND id = ?")) {
            update.setString(1, status);
            update.setObject(2, ledId);
            update.setObject(3, closeId);
            update.executeUpdate();
        }
    }

    private void decide(Connection connection, UUID ledId, UUID closeId, String status, String by, String note,
            Amount surplus, List<YearEndView.PostedShare> shares, UUID closingEntry, UUID allocationEntry)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE year_end_close SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, surplus = ?,
                       shares = ?::jsonb, closing_entry_id = ?, allocation_entry_id = ?
                 WHERE led_id = ? AND id = ?""")) {
            update.setString(1, status);
            update.setString(2, by);
            update.setTimestamp(3, Timestamp.from(Timestamps.now()));
            update.setString(4, note == null || note.isBlank() ? null : note.strip());
            update.setBigDecimal(5, surplus == null ? null : surplus.value());
            update.setString(6, shares == null ? null : write(shares));
            update.setObject(7, closingEntry);
            update.setObject(8, allocationEntry);
            update.setObject(9, ledId);
            update.setObject(10, closeId);
            update.executeUpdate();
        }
    }

    private YearEndView find(Connection connection, UUID ledId, UUID closeId) throws SQLException {
        return find(connection, ledId, closeId, false);
    }

    private YearEndView find(Connection connection, UUID ledId, UUID closeId, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM year_end_close WHERE led_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setObject(1, ledId);
            select.setObject(2, closeId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("year-end close " + closeId);
                }
                return view(rs);
            }
        }
    }

    private YearEndView view(ResultSet rs) throws SQLException {
        BigDecimal surplus = rs.getBigDecimal(12);
        Timestamp decidedAt = rs.getTimestamp(10);
        String shares = rs.getString(13);
        return new YearEndView(rs.getObject(1, UUID.class), rs.getInt(2),
                YearEndView.Status.valueOf(rs.getString(3)), read(rs.getString(4),
                        new TypeReference<List<YearEndRequest.Share>>() { }),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                rs.getString(9), decidedAt == null ? null : decidedAt.toInstant(), rs.getString(11),
                surplus == null ? null : Amount.of(surplus),
                shares == null ? null : read(shares, new TypeReference<List<YearEndView.PostedShare>>() { }),
                rs.getObject(14, UUID.class), rs.getObject(15, UUID.class));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a year-end close cannot be written as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a year-end close cannot be read", e);
        }
    }
}
