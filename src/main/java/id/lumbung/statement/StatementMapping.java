package id.lumbung.statement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which group each account of the chart is presented in. An account mapped by the LED takes its
 * mapping; an unmapped one takes its parent's group, so a sub-account (Kas Unit Simpan Pinjam under
 * Kas) stays with its parent; a root account takes its documented default
 * ({@link StatementGroup#defaultFor}).
 */
public final class StatementMapping {

    /** Why an account is in its group: the LED mapped it, it follows its parent, or the default. */
    public enum Source {
        SETTING, PARENT, DEFAULT
    }

    private final Map<UUID, StatementGroup> groups = new HashMap<>();
    private final Map<UUID, Source> sources = new HashMap<>();

    /**
     * @param chart    every account of the LED (a parent is always in the chart: it is created first)
     * @param explicit the LED's own mapping, by account id; only groups of the account's type
     */
    public StatementMapping(List<AccountLine> chart, Map<UUID, StatementGroup> explicit) {
        Map<UUID, AccountLine> byId = new HashMap<>();
        for (AccountLine account : chart) {
            byId.put(account.accountId(), account);
        }
        for (AccountLine account : chart) {
            resolve(account, byId, explicit);
        }
    }

    /** With the documented defaults only. */
    public static StatementMapping defaults(List<AccountLine> chart) {
        return new StatementMapping(chart, Map.of());
    }

    public StatementGroup groupOf(AccountLine account) {
        return groups.get(account.accountId());
    }

    public Source sourceOf(AccountLine account) {
        return sources.get(account.accountId());
    }

    private StatementGroup resolve(AccountLine account, Map<UUID, AccountLine> byId,
            Map<UUID, StatementGroup> explicit) {
        StatementGroup known = groups.get(account.accountId());
        if (known != null) {
            return known;
        }
        StatementGroup group = explicit.get(account.accountId());
        Source source = Source.SETTING;
        if (group == null || group.type() != account.type()) {
            AccountLine parent = account.parentId() == null ? null : byId.get(account.parentId());
            // A parent has the child's type (the chart refuses another), so its group fits the child.
            group = parent != null ? resolve(parent, byId, explicit)
                    : StatementGroup.defaultFor(account.type(), account.purpose());
            source = parent != null ? Source.PARENT : Source.DEFAULT;
        }
        groups.put(account.accountId(), group);
        sources.put(account.accountId(), source);
        return group;
    }
}
