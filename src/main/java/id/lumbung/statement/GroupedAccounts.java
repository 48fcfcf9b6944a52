package id.lumbung.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import id.lumbung.ledger.AccountType;
import id.lumbung.money.Amount;

/**
 * The chart's accounts arranged in a statement's groups, each account with the accounts under it,
 * with a figure and its comparative. Both lists come from the same chart read in one snapshot, so
 * they hold the same accounts.
 */
public final class GroupedAccounts {

    private final List<AccountLine> accounts;
    private final Map<UUID, AccountLine> byId = new HashMap<>();
    private final Map<UUID, AccountLine> comparative = new HashMap<>();
    private final StatementMapping mapping;

    public GroupedAccounts(List<AccountLine> accounts, List<AccountLine> comparative, StatementMapping mapping) {
        this.accounts = accounts;
        accounts.forEach(a -> byId.put(a.accountId(), a));
        for (AccountLine line : comparative) {
            this.comparative.put(line.accountId(), line);
        }
        this.mapping = mapping;
    }

    /**
     * The sum as a statement shows it: debit-side sections (assets, expenses) show debits − credits,
     * the others credits − debits, so a contra account (the loan-loss allowance) shows negative within
     * its section and the section's total is net of it.
     */
    public static BigDecimal presented(AccountLine account) {
        return account.type() == AccountType.ASSET || account.type() == AccountType.EXPENSE ? account.net()
                : account.net().negate();
    }

    /** A section made of the given groups, each captioned by {@code captions}. */
    public StatementSection section(String caption, List<StatementGroup> groups,
            Function<StatementGroup, String> captions) {
        List<StatementGroupLines> lines = new ArrayList<>(groups.size());
        Figures total = Figures.ZERO;
        for (StatementGroup group : groups) {
            StatementGroupLines one = group(group, captions.apply(group));
            lines.add(one);
            total = total.plus(one.total());
        }
        return new StatementSection(caption, lines, total);
    }

    /** The accounts presented in one group, as trees under their parents within the group. */
    public StatementGroupLines group(StatementGroup group, String caption) {
        List<AccountLine> members = accounts.stream().filter(a -> mapping.groupOf(a) == group).toList();
        Set<UUID> ids = new HashSet<>();
        members.forEach(a -> ids.add(a.accountId()));
        // A child mapped into another group than its parent's is a root of its own group.
        Map<UUID, List<AccountLine>> children = new HashMap<>();
        List<AccountLine> roots = new ArrayList<>();
        for (AccountLine account : members) {
            if (account.parentId() != null && ids.contains(account.parentId())) {
                children.computeIfAbsent(account.parentId(), k -> new ArrayList<>()).add(account);
            } else {
                roots.add(account);
            }
        }
        List<StatementLine> lines = new ArrayList<>(roots.size());
        Figures total = Figures.ZERO;
        for (AccountLine root : roots) {
            StatementLine line = line(root, children);
            lines.add(line);
            total = total.plus(line.figures());
        }
        return new StatementGroupLines(group, caption, lines, total);
    }

    /** The figures of the given accounts and every account under them (e.g. all loans receivable). */
    public Figures sumUnder(AccountLine top) {
        Figures sum = Figures.ZERO;
        for (AccountLine account : accounts) {
            if (isUnder(account, top)) {
                sum = sum.plus(own(account));
            }
        }
        return sum;
    }

    private boolean isUnder(AccountLine account, AccountLine top) {
        for (AccountLine current = account; current != null;
                current = current.parentId() == null ? null : byId.get(current.parentId())) {
            if (current.accountId().equals(top.accountId())) {
                return true;
            }
        }
        return false;
    }

    private StatementLine line(AccountLine account, Map<UUID, List<AccountLine>> children) {
        List<StatementLine> under = new ArrayList<>();
        Figures figures = own(account);
        for (AccountLine child : children.getOrDefault(account.accountId(), List.of())) {
            StatementLine line = line(child, children);
            under.add(line);
            figures = figures.plus(line.figures());
        }
        return new StatementLine(account.code(), account.name(), figures.amount(), figures.comparative(), under);
    }

    private Figures own(AccountLine account) {
        AccountLine before = comparative.get(account.accountId());
        return new Figures(Amount.of(presented(account)),
                before == null ? Amount.ZERO : Amount.of(presented(before)));
    }
}
