package id.lumbung.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves account codes to accounts for posting. An account's code, id, type and normal side
 * never change and accounts are never deleted (the schema enforces both), so a resolved code is
 * cached for the life of the process; this saves a round trip on every entry. Misses go to the
 * database and are not cached.
 */
@ApplicationScoped
public class AccountCatalog {

    private record Key(UUID ledId, String code) {
    }

    private final ConcurrentMap<Key, AccountRef> known = new ConcurrentHashMap<>();

    public Optional<AccountRef> find(UUID ledId, String code) {
        return Optional.ofNullable(resolve(ledId, List.of(code)).get(code));
    }

    /** The accounts of these codes that exist in the LED, by code; unknown codes are absent. */
    public Map<String, AccountRef> resolve(UUID ledId, Collection<String> codes) {
        Map<String, AccountRef> found = new HashMap<>();
        List<String> missing = new java.util.ArrayList<>();
        for (String code : codes) {
            AccountRef ref = known.get(new Key(ledId, code));
            if (ref != null) {
                found.put(code, ref);
            } else if (!found.containsKey(code)) {
                missing.add(code);
            }
        }
        if (!missing.isEmpty()) {
            List<Account> accounts = Account.list("ledId = ?1 and code in ?2", ledId, missing);
            for (Account account : accounts) {
                AccountRef ref = AccountRef.from(account);
                known.put(new Key(ledId, ref.code()), ref);
                found.put(ref.code(), ref);
            }
        }
        return found;
    }
}
