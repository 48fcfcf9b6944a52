package id.lumbung.statement.settings;

import id.lumbung.ledger.AccountPurpose;

/**
 * Where the village assembly (MAD / Musdes) may allocate a year's surplus, each to the LED's system
 * account of its purpose (found by purpose, never by code): added to the fund's capital, the social
 * fund (dana sosial), the institution's fund (dana kelembagaan).
 */
public enum SurplusTarget {
    CAPITAL(AccountPurpose.SURPLUS_CAPITAL),
    SOCIAL_FUND(AccountPurpose.SOCIAL_FUND),
    INSTITUTION(AccountPurpose.INSTITUTION_FUND);

    private final AccountPurpose account;

    SurplusTarget(AccountPurpose account) {
        this.account = account;
    }

    public AccountPurpose account() {
        return account;
    }
}
