package id.lumbung.savings;

import java.math.BigDecimal;
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
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/**
 * Member savings (simpanan anggota) as a sub-ledger of the control account 2-1100 Simpanan Anggota.
 * The journal only knows the control account; {@code member_savings} and {@code savings_movement}
 * say whose money it is. Each movement, its member's balance and its journal entry are written in
 * one transaction, so the members' balances always add up to 2-1100.
 *
 * <p>Locking order: the member's savings row first (an upsert or a guarded update), then the
 * LED's journal head inside {@link PostingService#post}. A withdrawal that finds too little money
 * stops before it touches the journal; racing withdrawals of one member queue on the row lock, so
 * two of them can never both spend the same rupiah.
 */
@ApplicationScoped
public class SavingsService {

    /** {@code reference.type} of the journal entries this service posts. */
    public static final String REFERENCE_TYPE = "SAVINGS_MOVEMENT";

    private static final String MOVEMENT_COLUMNS = "id, member_id, type, amount, balance_after, effective_date, "
            + "entry_id, description, recorded_at, recorded_by";

    private final DataSource dataSource;
    private final PostingService posting;
    private final SystemAccounts system;

    public SavingsService(DataSource dataSource, PostingService posting, SystemAccounts system) {
        this.system = system;
        this.dataSource = dataSource;
        this.posting = posting;
    }

    /**
     * A member's deposit: Dr 1-1100 Kas · Cr 2-1100 Simpanan Anggota (kind SAVINGS_DEPOSIT). Public
     * for every feature that takes in member savings (e.g. a SAVINGS_DEPOSIT contribution); joins the
     * caller's transaction. {@code description} may be null (a default naming the member is used).
     */
    @Transactional
    public MovementView deposit(UUID ledId, UUID memberId, Amount amount, LocalDate effectiveDate, String description,
            String recordedBy) {
        requireUsable(amount, effectiveDate);
        try (Connection connection = dataSource.getConnection()) {
            String name = memberName(connection, ledId, memberId);
            Instant now = Timestamps.now();
            Amount balance = credit(connection, ledId, memberId, amount, now);
            return record(connection, ledId, memberId, MovementType.DEPOSIT, amount, balance, effectiveDate,
                    describe(description, "Setoran simpanan " + name), recordedBy, now);
        } catch (SQLException e) {
            throw failed("recording a savings deposit", e);
        }
    }

    /**
     * A member's withdrawal: Dr 2-1100 Simpanan Anggota · Cr 1-1100 Kas (kind WITHDRAWAL). Refused
     * with 409 {@code insufficient-savings} when the member's balance is smaller, and with 409
     * {@code insufficient-funds} (from the core) when the cash box holds too little.
     */
    @Transactional
    public MovementView withdraw(UUID ledId, UUID memberId, Amount amount, LocalDate effectiveDate,
            String description, String recordedBy) {
        requireUsable(amount, effectiveDate);
        try (Connection connection = dataSource.getConnection()) {
            String name = memberName(connection, ledId, memberId);
            Instant now = Timestamps.now();
            Amount balance = debit(connection, ledId, memberId, amount, now);
            return record(connection, ledId, memberId, MovementType.WITHDRAWAL, amount, balance, effectiveDate,
                    describe(description, "Penarikan simpanan " + name), recordedBy, now);
        } catch (SQLException e) {
            throw failed("recording a savings withdrawal", e);
        }
    }

    /** The member's balance and a page of movements, newest recorded first. */
    @Transactional
    public SavingsView get(UUID ledId, UUID memberId, int limit, String after) {
        UUID before = after == null ? null : Cursor.decodeUuid(after);
        try (Connection connection = dataSource.getConnection()) {
            memberName(connection, ledId, memberId);
            Amount balance = Amount.ZERO;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT balance FROM member_savings WHERE led_id = ? AND member_id = ?")) {
                select.setObject(1, ledId);
                select.setObject(2, memberId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        balance = Amount.of(row.getBigDecimal(1));
                    }
                }
            }
            String sql = "SELECT " + MOVEMENT_COLUMNS + " FROM savings_movement WHERE led_id = ? AND member_id = ?"
                    + (before == null ? "" : " AND id < ?") + " ORDER BY id DESC LIMIT ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int p = 1;
                select.setObject(p++, ledId);
                select.setObject(p++, memberId);
                if (before != null) {
                    select.setObject(p++, before);
                }
                select.setInt(p, limit + 1);
                List<MovementView> rows = read(select);
                return new SavingsView(memberId, balance,
                        Page.of(rows, limit, view -> view, view -> view.id().toString()));
            }
        } catch (SQLException e) {
            throw failed("reading member savings", e);
        }
    }

    /** One movement of the member's passbook. */
    @Transactional
    public MovementView movement(UUID ledId, UUID memberId, UUID movementId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + MOVEMENT_COLUMNS
                        + " FROM savings_movement WHERE led_id = ? AND member_id = ? AND id = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, memberId);
            select.setObject(3, movementId);
            return read(select).stream().findFirst()
                    .orElseThrow(() -> ApiException.notFound("savings movement " + movementId));
        } catch (SQLException e) {
            throw failed("reading a savings movement", e);
        }
    }

    /** The checks every caller's request gets, whatever the caller validated itself. */
    private static void requireUsable(Amount amount, LocalDate effectiveDate) {
        if (amount == null || !amount.isPositive()) {
            throw ApiException.invalidField("amount", "must be greater than zero");
        }
        Objects.requireNonNull(effectiveDate, "effectiveDate");
    }

    private static String describe(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given.strip();
    }

    /** The member's name (for the default description); 404 when the LED has no such member. */
    private static String memberName(Connection connection, UUID ledId, UUID memberId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name FROM member WHERE led_id = ? AND id = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, memberId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ApiException.notFound("member " + memberId);
                }
                return row.getString(1);
            }
        }
    }

    /** Adds to the member's balance (creating the row on the first deposit) and returns the new balance. */
    private static Amount credit(Connection connection, UUID ledId, UUID memberId, Amount amount, Instant now)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO member_savings AS s (led_id, member_id, balance, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (led_id, member_id)
                DO UPDATE SET balance = s.balance + excluded.balance, updated_at = excluded.updated_at
                RETURNING balance""")) {
            upsert.setObject(1, ledId);
            upsert.setObject(2, memberId);
            upsert.setBigDecimal(3, amount.value());
            upsert.setObject(4, utc(now));
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return Amount.of(row.getBigDecimal(1));
            }
        }
    }

    /**
     * Takes from the member's balance only if it covers the amount. The guarded UPDATE locks the row
     * and re-reads it after any concurrent withdrawal commits, so the check and the change are one.
     */
    private static Amount debit(Connection connection, UUID ledId, UUID memberId, Amount amount, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE member_savings SET balance = balance - ?, updated_at = ?
                 WHERE led_id = ? AND member_id = ? AND balance >= ?
                RETURNING balance""")) {
            update.setBigDecimal(1, amount.value());
            update.setObject(2, utc(now));
            update.setObject(3, ledId);
            update.setObject(4, memberId);
            update.setBigDecimal(5, amount.value());
            try (ResultSet row = update.executeQuery()) {
                if (row.next()) {
                    return Amount.of(row.getBigDecimal(1));
                }
            }
        }
        throw new ApiException(ProblemType.INSUFFICIENT_SAVINGS, "the member's savings balance is "
                + currentBalance(connection, ledId, memberId) + "; a withdrawal of " + amount
                + " would take it below zero");
    }

    private static Amount currentBalance(Connection connection, UUID ledId, UUID memberId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT balance FROM member_savings WHERE led_id = ? AND member_id = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, memberId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Amount.of(row.getBigDecimal(1)) : Amount.ZERO;
            }
        }
    }

    /** Posts the movement's entry through the core and stores the movement that points at it. */
    private MovementView record(Connection connection, UUID ledId, UUID memberId, MovementType type, Amount amount,
            Amount balanceAfter, LocalDate effectiveDate, String description, String recordedBy, Instant now)
            throws SQLException {
        UUID id = Ids.next();
        boolean deposit = type == MovementType.DEPOSIT;
        String cash = system.code(ledId, AccountPurpose.CASH);
        String savings = system.code(ledId, AccountPurpose.MEMBER_SAVINGS);
        EntryDraft draft = new EntryDraft(ledId, effectiveDate,
                deposit ? EntryKind.SAVINGS_DEPOSIT : EntryKind.WITHDRAWAL, description,
                new EntryDraft.Reference(REFERENCE_TYPE, id), null, List.of(
                        new EntryDraft.Line(deposit ? cash : savings, Side.DEBIT, amount),
                        new EntryDraft.Line(deposit ? savings : cash, Side.CREDIT, amount)));
        PostedEntry entry = posting.post(draft, recordedBy);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO savings_movement (led_id, "
                + MOVEMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int p = 1;
            insert.setObject(p++, ledId);
            insert.setObject(p++, id);
            insert.setObject(p++, memberId);
            insert.setString(p++, type.name());
            insert.setBigDecimal(p++, amount.value());
            insert.setBigDecimal(p++, balanceAfter.value());
            insert.setObject(p++, effectiveDate);
            insert.setObject(p++, entry.id());
            insert.setString(p++, description);
            insert.setObject(p++, utc(now));
            insert.setString(p, recordedBy);
            insert.executeUpdate();
        }
        return new MovementView(id, memberId, type, amount, balanceAfter, effectiveDate, description, entry.id(),
                now, recordedBy);
    }

    private static List<MovementView> read(PreparedStatement select) throws SQLException {
        List<MovementView> views = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                views.add(new MovementView(row.getObject("id", UUID.class), row.getObject("member_id", UUID.class),
                        MovementType.valueOf(row.getString("type")), amount(row, "amount"),
                        amount(row, "balance_after"), row.getObject("effective_date", LocalDate.class),
                        row.getString("description"), row.getObject("entry_id", UUID.class),
                        row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        row.getString("recorded_by")));
            }
        }
        return views;
    }

    private static Amount amount(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return Amount.of(value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + " failed: SQL state " + e.getSQLState(), e);
    }
}
