package id.lumbung.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The LED's account of each {@link AccountPurpose}. A purpose, once given to an account, never
 * moves (a trigger refuses the change) and accounts are never deleted, so an answer is cached for
 * the life of the process, as {@link AccountCatalog} caches codes.
 */
@ApplicationScoped
public class SystemAccounts {

    /**
     * Accounts whose balance is the sum of a sub-ledger: only their own operations post to them
     * (see {@link ControlAccounts}).
     */
    public static final Set<AccountPurpose> CONTROL =
            EnumSet.of(AccountPurpose.LOANS_RECEIVABLE, AccountPurpose.LOAN_LOSS_ALLOWANCE,
                    AccountPurpose.MEMBER_SAVINGS);

    private record Key(UUID ledId, AccountPurpose purpose) {
    }

    private final ConcurrentMap<Key, String> codes = new ConcurrentHashMap<>();
    private final DataSource dataSource;

    public SystemAccounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The code of the LED's account of this purpose. Every LED has one (its books and V9 make sure). */
    public String code(UUID ledId, AccountPurpose purpose) {
        String known = codes.get(new Key(ledId, purpose));
        if (known != null) {
            return known;
        }
        // Plain JDBC: settings and rules ask for codes outside any ORM session too.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT code FROM account WHERE led_id = ? AND purpose = ?")) {
            select.setObject(1, ledId);
            select.setString(2, purpose.name());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("LED " + ledId + " has no " + purpose + " account");
                }
                String code = row.getString(1);
                codes.put(new Key(ledId, purpose), code);
                return code;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("finding the " + purpose + " account failed: SQL state "
                    + e.getSQLState(), e);
        }
    }

    /** The codes of the LED's control accounts. */
    public Set<String> controlCodes(UUID ledId) {
        return CONTROL.stream().map(purpose -> code(ledId, purpose)).collect(Collectors.toUnmodifiableSet());
    }
}
