package id.lumbung.ledger;

import java.util.UUID;

/** The fixed facts about an account that posting needs: they never change once it exists. */
public record AccountRef(UUID ledId, UUID id, String code, AccountType type, Side normalSide, boolean noNegative) {

    static AccountRef from(Account account) {
        return new AccountRef(account.ledId, account.id, account.code, account.type, account.normalSide,
                account.noNegative);
    }
}
