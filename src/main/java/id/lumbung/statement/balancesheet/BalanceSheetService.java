package id.lumbung.statement.balancesheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.AccountType;
import id.lumbung.money.Amount;
import id.lumbung.statement.AccountLine;
import id.lumbung.statement.Figures;
import id.lumbung.statement.GroupedAccounts;
import id.lumbung.statement.StatementGroup;
import id.lumbung.statement.StatementGroupLines;
import id.lumbung.statement.StatementLine;
import id.lumbung.statement.StatementMapping;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementSection;
import id.lumbung.statement.StatementSnapshots;
import id.lumbung.statement.settings.StatementSettings;
import id.lumbung.statement.settings.StatementSettingsStore;

/** Builds the balance sheet as of a day, inside one consistent snapshot of the books. */
@ApplicationScoped
public class BalanceSheetService {

    private final StatementSnapshots snapshots;

    public BalanceSheetService(StatementSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * As of {@code asOf}, every entry dated up to it included (a year-end closing entry too: after
     * the close the surplus stands in retained surplus, not as the current year's), beside the
     * previous year-end.
     */
    public BalanceSheet asOf(UUID ledId, LocalDate asOf, StatementMessages labels) {
        LocalDate previousYearEnd = LocalDate.of(asOf.getYear() - 1, 12, 31);
        return snapshots.read(ledId, reads -> {
            List<AccountLine> now = reads.balances().asOf(asOf);
            List<AccountLine> before = reads.balances().asOf(previousYearEnd);
            StatementSettings settings = StatementSettingsStore.read(reads.connection(), ledId, false).settings();
            GroupedAccounts grouped = new GroupedAccounts(now, before, new StatementMapping(now,
                    settings.accountGroups()));
            StatementSection assets = grouped.section(labels.sectionAssets(),
                    List.of(StatementGroup.CURRENT_ASSETS, StatementGroup.NON_CURRENT_ASSETS),
                    group -> group.caption(labels));
            StatementSection liabilities = grouped.section(labels.sectionLiabilities(),
                    List.of(StatementGroup.CURRENT_LIABILITIES, StatementGroup.NON_CURRENT_LIABILITIES),
                    group -> group.caption(labels));
            Figures surplus = unclosedSurplus(now, before);
            StatementSection equity = withSurplus(grouped.group(StatementGroup.EQUITY,
                    StatementGroup.EQUITY.caption(labels)), surplus, labels);
            return new BalanceSheet(reads.pointInTime("balance-sheet", labels.balanceSheetTitle(), asOf, labels),
                    previousYearEnd, assets, liabilities, equity, surplus,
                    liabilities.total().plus(equity.total()), loans(now, grouped), labels,
                    settings.signatureBlock());
        });
    }

    /** Income less expenses still in their accounts: what no year-end close has moved into equity yet. */
    private static Figures unclosedSurplus(List<AccountLine> now, List<AccountLine> before) {
        return new Figures(surplus(now), surplus(before));
    }

    private static Amount surplus(List<AccountLine> accounts) {
        Amount sum = Amount.ZERO;
        for (AccountLine account : accounts) {
            if (account.type() == AccountType.INCOME || account.type() == AccountType.EXPENSE) {
                sum = sum.minus(Amount.of(account.net()));
            }
        }
        return sum;
    }

    private static StatementSection withSurplus(StatementGroupLines equity, Figures surplus,
            StatementMessages labels) {
        List<StatementLine> lines = new ArrayList<>(equity.lines());
        lines.add(new StatementLine(null, labels.currentYearSurplus(), surplus.amount(), surplus.comparative(),
                List.of()));
        Figures total = equity.total().plus(surplus);
        return new StatementSection(labels.sectionEquity(),
                List.of(new StatementGroupLines(equity.group(), equity.caption(), lines, total)), total);
    }

    private static BalanceSheet.Loans loans(List<AccountLine> now, GroupedAccounts grouped) {
        Amount receivable = grouped.sumUnder(system(now, AccountPurpose.LOANS_RECEIVABLE)).amount();
        // The allowance is a contra asset: negative among the assets, shown here as the positive reserve.
        Amount allowance = grouped.sumUnder(system(now, AccountPurpose.LOAN_LOSS_ALLOWANCE)).amount().negate();
        return new BalanceSheet.Loans(receivable, allowance, receivable.minus(allowance));
    }

    private static AccountLine system(List<AccountLine> accounts, AccountPurpose purpose) {
        return accounts.stream().filter(a -> a.purpose() == purpose).findFirst()
                .orElseThrow(() -> new IllegalStateException("the LED has no " + purpose + " account"));
    }
}
