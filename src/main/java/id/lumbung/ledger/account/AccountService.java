package id.lumbung.ledger.account;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.ledger.Account;
import id.lumbung.ledger.AccountType;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;

/** The chart of accounts of an LED: listing, extending, and balances now or as of a date. */
@ApplicationScoped
public class AccountService {

    /** Type digit, four digits, and an optional sub-account suffix (a member's savings). */
    public static final String CODE_PATTERN = "^[1-5]-[0-9]{4}(-[0-9A-Za-z]{1,12})?$";

    private static final String TOTALS_AS_OF = """
            SELECT coalesce(sum(debits), 0), coalesce(sum(credits), 0) FROM account_daily_movement
             WHERE led_id = ? AND account_id = ? AND day <= ?""";

    private final DataSource dataSource;

    private final AuditTrail audit;

    public AccountService(DataSource dataSource, AuditTrail audit) {
        this.audit = audit;
        this.dataSource = dataSource;
    }

    @Transactional
    public AccountView create(UUID ledId, AccountRequest request, String createdBy) {
        AccountType type = request.type();
        if (request.code().charAt(0) != type.codeDigit()) {
            throw new ApiException(ProblemType.ACCOUNT_CODE_TYPE_MISMATCH, "code " + request.code() + " is not a "
                    + type + " code: " + type + " codes start with " + type.codeDigit());
        }
        Account parent = null;
        if (request.parentCode() != null) {
            parent = find(ledId, request.parentCode()).orElseThrow(() -> new ApiException(
                    ProblemType.UNKNOWN_PARENT_ACCOUNT, "no account " + request.parentCode() + " in this LED"));
            if (parent.type != type) {
                throw new ApiException(ProblemType.PARENT_TYPE_MISMATCH,
                        "parent " + parent.code + " is " + parent.type + ", not " + type);
            }
        }
        if (find(ledId, request.code()).isPresent()) {
            throw duplicate(request.code());
        }
        Account account = new Account();
        account.id = Ids.next();
        account.ledId = ledId;
        account.code = request.code();
        account.name = request.name().strip();
        account.type = type;
        account.contra = Boolean.TRUE.equals(request.contra());
        account.normalSide = type.normalSide(account.contra);
        account.noNegative = Boolean.TRUE.equals(request.noNegative());
        account.parentId = parent == null ? null : parent.id;
        account.createdAt = Timestamps.now();
        account.createdBy = createdBy;
        try {
            account.persistAndFlush();
        } catch (ConstraintViolationException e) {
            // Two managers adding the same code at once: the unique constraint decides.
            throw duplicate(request.code());
        }
        audit.record(ledId, "account.created", "account", account.code, Changes.of()
                .field("name", null, account.name).field("type", null, account.type)
                .field("parentCode", null, parent == null ? null : parent.code)
                .field("contra", null, account.contra).field("noNegative", null, account.noNegative));
        return view(account, parent == null ? null : parent.code, null);
    }

    @Transactional
    public Page<AccountView> list(UUID ledId, int limit, String after) {
        String afterCode = after == null ? "" : Cursor.decode(after);
        List<Account> accounts = Account.find("ledId = ?1 and code > ?2 order by code", ledId, afterCode)
                .page(0, limit + 1).list();
        Set<UUID> parentIds = accounts.stream().map(a -> a.parentId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, String> parentCodes = new HashMap<>();
        if (!parentIds.isEmpty()) {
            Account.<Account>list("ledId = ?1 and id in ?2", ledId, parentIds)
                    .forEach(p -> parentCodes.put(p.id, p.code));
        }
        return Page.of(accounts, limit, a -> view(a, parentCodes.get(a.parentId), null), a -> a.code);
    }

    /** The account now, or as of the end of {@code asOf} (summing at most one row per active day). */
    @Transactional
    public AccountView get(UUID ledId, String code, LocalDate asOf) {
        Account account = find(ledId, code).orElseThrow(() -> ApiException.notFound("account " + code));
        String parentCode = account.parentId == null ? null
                : Account.<Account>find("ledId = ?1 and id = ?2", ledId, account.parentId).firstResult().code;
        return view(account, parentCode, asOf);
    }

    private java.util.Optional<Account> find(UUID ledId, String code) {
        return Account.find("ledId = ?1 and code = ?2", ledId, code).firstResultOptional();
    }

    private AccountView view(Account account, String parentCode, LocalDate asOf) {
        BigDecimal debits = account.debitsPosted;
        BigDecimal credits = account.creditsPosted;
        if (asOf != null) {
            BigDecimal[] totals = totalsAsOf(account, asOf);
            debits = totals[0];
            credits = totals[1];
        }
        return new AccountView(account.code, account.name, account.type, account.normalSide, account.contra,
                account.noNegative, parentCode, account.purpose, id.lumbung.money.Amount.of(debits),
                id.lumbung.money.Amount.of(credits),
                Account.balance(account.normalSide, debits, credits), asOf);
    }

    private BigDecimal[] totalsAsOf(Account account, LocalDate asOf) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(TOTALS_AS_OF)) {
            statement.setObject(1, account.ledId);
            statement.setObject(2, account.id);
            statement.setObject(3, asOf);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new BigDecimal[] {row.getBigDecimal(1), row.getBigDecimal(2)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading balances failed: " + e.getSQLState(), e);
        }
    }

    private static ApiException duplicate(String code) {
        return new ApiException(ProblemType.DUPLICATE_ACCOUNT_CODE, "account " + code + " already exists in this LED");
    }
}
