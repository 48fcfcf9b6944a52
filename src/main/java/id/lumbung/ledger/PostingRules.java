package id.lumbung.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;

/**
 * Checks a business operation makes before it asks the {@link PostingService} to post, so that a
 * refusal names the request's own field ({@code receivedOn}, {@code paidFrom}) rather than a
 * posting line the client never sent. Reads only; posting stays the core's job.
 */
@ApplicationScoped
public class PostingRules {

    /** How deep a chart nests sub-accounts at most; a deeper chain is treated as not cash. */
    private static final int MAX_DEPTH = 8;

    private final PostingService posting;
    private final AccountCatalog catalog;
    private final SystemAccounts system;

    public PostingRules(PostingService posting, AccountCatalog catalog, SystemAccounts system) {
        this.posting = posting;
        this.catalog = catalog;
        this.system = system;
    }

    /** 400 naming {@code field} unless the amount is greater than zero. */
    public void requirePositive(Amount amount, String field) {
        if (!amount.isPositive()) {
            throw ApiException.invalidField(field, "must be greater than zero");
        }
    }

    /** 422 {@code effective-date-in-future} naming {@code field} when the date is after today in the LED's zone. */
    public void requireNotInFuture(UUID ledId, LocalDate date, String field) {
        LocalDate today = posting.today(ledId);
        if (date.isAfter(today)) {
            throw new ApiException(ProblemType.EFFECTIVE_DATE_IN_FUTURE,
                    field + ": " + date + " is after today (" + today + ")",
                    List.of(new Problem.FieldError(field, "must not be after today (" + today + ")")));
        }
    }

    /** The account of this code, or 422 {@code unknown-account} naming {@code field}. */
    public AccountRef require(UUID ledId, String code, String field) {
        return catalog.find(ledId, code).orElseThrow(() -> new ApiException(ProblemType.UNKNOWN_ACCOUNT,
                field + ": no account " + code + " in this LED's chart",
                List.of(new Problem.FieldError(field, "no account " + code + " in this LED's chart"))));
    }

    /** The account, which must have this type: 422 {@code account-not-allowed} otherwise. */
    public AccountRef requireType(UUID ledId, String code, AccountType type, String field) {
        AccountRef account = require(ledId, code, field);
        if (account.type() != type) {
            throw notAllowed(field, code + " is not an " + type + " account (it is " + account.type() + ")");
        }
        return account;
    }

    /**
     * An account that holds the LED's money: its {@link AccountPurpose#CASH} or
     * {@link AccountPurpose#BANK} account, or an account the LED added under either (a second bank account,
     * a petty-cash box), at any depth. Money received or paid out goes through one of them; a
     * receivable or an expense account is refused with 422 {@code account-not-allowed}.
     */
    public AccountRef requireCashOrBank(UUID ledId, String code, String field) {
        AccountRef account = require(ledId, code, field);
        String cash = system.code(ledId, AccountPurpose.CASH);
        String bank = system.code(ledId, AccountPurpose.BANK);
        if (!isCashOrBank(ledId, code, cash, bank)) {
            throw notAllowed(field, code + " is not a cash or bank account (" + cash + ", " + bank
                    + " or an account under them)");
        }
        return account;
    }

    private static boolean isCashOrBank(UUID ledId, String code, String cash, String bank) {
        if (code.equals(cash) || code.equals(bank)) {
            return true;
        }
        Account current = Account.<Account>find("ledId = ?1 and code = ?2", ledId, code).firstResult();
        for (int depth = 0; current != null && depth <= MAX_DEPTH; depth++) {
            if (current.purpose == AccountPurpose.CASH || current.purpose == AccountPurpose.BANK) {
                return true;
            }
            if (current.parentId == null) {
                return false;
            }
            current = Account.<Account>find("ledId = ?1 and id = ?2", ledId, current.parentId).firstResult();
        }
        return false;
    }

    private static ApiException notAllowed(String field, String message) {
        return new ApiException(ProblemType.ACCOUNT_NOT_ALLOWED, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
