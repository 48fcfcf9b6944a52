package id.lumbung.statement;

import java.math.BigDecimal;
import java.util.UUID;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.AccountType;
import id.lumbung.ledger.Side;

/**
 * One account of the chart with what was posted to it (over a period, or up to a day): the raw
 * debit and credit sums, from which every statement takes the side it needs.
 */
public record AccountLine(UUID accountId, String code, String name, AccountType type, boolean contra,
        Side normalSide, UUID parentId, AccountPurpose purpose, BigDecimal debits, BigDecimal credits) {

    /** Debits minus credits: positive is a debit balance. */
    public BigDecimal net() {
        return debits.subtract(credits);
    }

    /** The balance on the account's normal side: positive for an account in its usual state. */
    public BigDecimal balance() {
        return normalSide == Side.DEBIT ? net() : net().negate();
    }

    /** The same account with other sums (a comparative column, or the closing entry taken out). */
    public AccountLine withSums(BigDecimal newDebits, BigDecimal newCredits) {
        return new AccountLine(accountId, code, name, type, contra, normalSide, parentId, purpose, newDebits,
                newCredits);
    }
}
