package id.lumbung.statement;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.AccountType;

/**
 * Where an account's balance is presented: a group of the balance sheet or of the income
 * statement. Each group holds accounts of one type only, so the balance sheet always balances
 * whatever an LED maps: every asset, liability and equity account is in exactly one of its groups.
 */
public enum StatementGroup {
    CURRENT_ASSETS(AccountType.ASSET),
    NON_CURRENT_ASSETS(AccountType.ASSET),
    CURRENT_LIABILITIES(AccountType.LIABILITY),
    NON_CURRENT_LIABILITIES(AccountType.LIABILITY),
    EQUITY(AccountType.EQUITY),
    OPERATING_INCOME(AccountType.INCOME),
    OTHER_INCOME(AccountType.INCOME),
    OPERATING_EXPENSE(AccountType.EXPENSE),
    OTHER_EXPENSE(AccountType.EXPENSE);

    private final AccountType type;

    StatementGroup(AccountType type) {
        this.type = type;
    }

    /** The one account type this group presents. */
    public AccountType type() {
        return type;
    }

    /**
     * The documented default of a root account. A revolving fund's loans are short (weeks to two
     * years) and its savings repayable on demand, so its assets and liabilities are current unless the
     * LED maps a fixed asset or a long loan elsewhere. Lending income and the costs of lending and of
     * the training programme are its operations; recoveries of written-off loans and the "other"
     * accounts are not.
     */
    public static StatementGroup defaultFor(AccountType type, AccountPurpose purpose) {
        if (purpose == AccountPurpose.RECOVERY_INCOME || purpose == AccountPurpose.OTHER_INCOME) {
            return OTHER_INCOME;
        }
        if (purpose == AccountPurpose.OTHER_EXPENSE) {
            return OTHER_EXPENSE;
        }
        return switch (type) {
            case ASSET -> CURRENT_ASSETS;
            case LIABILITY -> CURRENT_LIABILITIES;
            case EQUITY -> EQUITY;
            case INCOME -> OPERATING_INCOME;
            case EXPENSE -> OPERATING_EXPENSE;
        };
    }

    /** The group's caption in the statement's language. */
    public String caption(StatementMessages labels) {
        return switch (this) {
            case CURRENT_ASSETS -> labels.groupCurrentAssets();
            case NON_CURRENT_ASSETS -> labels.groupNonCurrentAssets();
            case CURRENT_LIABILITIES -> labels.groupCurrentLiabilities();
            case NON_CURRENT_LIABILITIES -> labels.groupNonCurrentLiabilities();
            case EQUITY -> labels.groupEquity();
            case OPERATING_INCOME -> labels.groupOperatingIncome();
            case OTHER_INCOME -> labels.groupOtherIncome();
            case OPERATING_EXPENSE -> labels.groupOperatingExpense();
            case OTHER_EXPENSE -> labels.groupOtherExpense();
        };
    }
}
