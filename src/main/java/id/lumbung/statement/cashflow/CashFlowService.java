package id.lumbung.statement.cashflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.money.Amount;
import id.lumbung.statement.AccountLine;
import id.lumbung.statement.Figures;
import id.lumbung.statement.SnapshotReads;
import id.lumbung.statement.StatementLine;
import id.lumbung.statement.StatementMapping;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementSnapshots;
import id.lumbung.statement.settings.StatementSettings;
import id.lumbung.statement.settings.StatementSettingsStore;

/** Builds the cash-flow statement for a period, inside one consistent snapshot of the books. */
@ApplicationScoped
public class CashFlowService {

    private final StatementSnapshots snapshots;

    public CashFlowService(StatementSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public CashFlow between(UUID ledId, LocalDate from, LocalDate to, StatementMessages labels) {
        LocalDate comparativeFrom = from.minusYears(1);
        LocalDate comparativeTo = to.minusYears(1);
        return snapshots.read(ledId, reads -> {
            StatementSettings settings = StatementSettingsStore.read(reads.connection(), ledId, false).settings();
            List<AccountLine> chart = reads.balances().asOf(to);
            Set<UUID> cash = under(chart, AccountPurpose.CASH, AccountPurpose.BANK);
            Set<UUID> loans = under(chart, AccountPurpose.LOANS_RECEIVABLE);
            StatementMapping mapping = new StatementMapping(chart, settings.accountGroups());
            CashMovements movements = new CashMovements(reads.connection(), ledId, cash);
            Map<UUID, CashMovements.Flow> now = movements.flows(from, to);
            Map<UUID, CashMovements.Flow> before = movements.flows(comparativeFrom, comparativeTo);

            Map<CashFlowActivity, List<StatementLine>> received = new EnumMap<>(CashFlowActivity.class);
            Map<CashFlowActivity, List<StatementLine>> paid = new EnumMap<>(CashFlowActivity.class);
            Map<CashFlowActivity, Figures> nets = new EnumMap<>(CashFlowActivity.class);
            for (CashFlowActivity activity : CashFlowActivity.values()) {
                received.put(activity, new ArrayList<>());
                paid.put(activity, new ArrayList<>());
                nets.put(activity, Figures.ZERO);
            }
            for (AccountLine account : chart) {
                CashMovements.Flow flow = now.getOrDefault(account.accountId(), CashMovements.Flow.NONE);
                CashMovements.Flow earlier = before.getOrDefault(account.accountId(), CashMovements.Flow.NONE);
                CashFlowActivity activity = CashFlowActivity.of(mapping.groupOf(account),
                        loans.contains(account.accountId()), settings.lendingCashFlow());
                Figures in = new Figures(Amount.of(flow.received()), Amount.of(earlier.received()));
                Figures out = new Figures(Amount.of(flow.paid().negate()), Amount.of(earlier.paid().negate()));
                if (!isZero(in)) {
                    received.get(activity).add(line(account, in));
                }
                if (!isZero(out)) {
                    paid.get(activity).add(line(account, out));
                }
                nets.put(activity, nets.get(activity).plus(in).plus(out));
            }
            List<CashFlow.Activity> activities = new ArrayList<>();
            Figures netChange = Figures.ZERO;
            for (CashFlowActivity activity : CashFlowActivity.values()) {
                activities.add(new CashFlow.Activity(activity, activity.caption(labels), received.get(activity),
                        paid.get(activity), nets.get(activity)));
                netChange = netChange.plus(nets.get(activity));
            }
            Figures opening = new Figures(opening(reads, movements, cash, from, to),
                    opening(reads, movements, cash, comparativeFrom, comparativeTo));
            Figures closing = new Figures(cashAsOf(chart, cash),
                    cashAsOf(reads.balances().asOf(comparativeTo), cash));
            return new CashFlow(reads.period("cash-flow", labels.cashFlowTitle(), from, to, labels), comparativeFrom,
                    comparativeTo, settings.lendingCashFlow(), opening, activities, netChange, closing, labels,
                    settings.signatureBlock());
        });
    }

    /** Cash and bank the day before the period, plus what the opening balances brought in during it. */
    private static Amount opening(SnapshotReads reads, CashMovements movements, Set<UUID> cash, LocalDate from,
            LocalDate to) throws java.sql.SQLException {
        return cashAsOf(reads.balances().asOf(from.minusDays(1)), cash)
                .plus(Amount.of(movements.carriedOver(from, to)));
    }

    private static Amount cashAsOf(List<AccountLine> balances, Set<UUID> cash) {
        BigDecimal sum = BigDecimal.ZERO;
        for (AccountLine account : balances) {
            if (cash.contains(account.accountId())) {
                sum = sum.add(account.net());
            }
        }
        return Amount.of(sum);
    }

    /** The accounts of the given purposes and every account under them. */
    private static Set<UUID> under(List<AccountLine> chart, AccountPurpose... purposes) {
        Map<UUID, List<AccountLine>> children = new HashMap<>();
        Set<UUID> found = new HashSet<>();
        List<AccountLine> todo = new ArrayList<>();
        for (AccountLine account : chart) {
            if (account.parentId() != null) {
                children.computeIfAbsent(account.parentId(), k -> new ArrayList<>()).add(account);
            }
            if (account.purpose() != null && List.of(purposes).contains(account.purpose())) {
                todo.add(account);
            }
        }
        while (!todo.isEmpty()) {
            AccountLine account = todo.remove(todo.size() - 1);
            if (found.add(account.accountId())) {
                todo.addAll(children.getOrDefault(account.accountId(), List.of()));
            }
        }
        return found;
    }

    private static StatementLine line(AccountLine account, Figures figures) {
        return new StatementLine(account.code(), account.name(), figures.amount(), figures.comparative(), List.of());
    }

    private static boolean isZero(Figures figures) {
        return figures.amount().isZero() && figures.comparative().isZero();
    }
}
