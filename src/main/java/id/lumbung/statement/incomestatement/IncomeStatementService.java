package id.lumbung.statement.incomestatement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.statement.AccountLine;
import id.lumbung.statement.GroupedAccounts;
import id.lumbung.statement.StatementGroup;
import id.lumbung.statement.StatementMapping;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementSection;
import id.lumbung.statement.StatementSnapshots;
import id.lumbung.statement.settings.StatementSettings;
import id.lumbung.statement.settings.StatementSettingsStore;

/** Builds the income statement for a period, inside one consistent snapshot of the books. */
@ApplicationScoped
public class IncomeStatementService {

    private final StatementSnapshots snapshots;

    public IncomeStatementService(StatementSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * From {@code from} to {@code to}, both inclusive, beside the same days a year earlier (29 February
     * becomes the 28th). Movements are read without the year-end closing entries of the range: they
     * are not income or expense, they move the year's result into equity.
     */
    public IncomeStatement between(UUID ledId, LocalDate from, LocalDate to, StatementMessages labels) {
        LocalDate comparativeFrom = from.minusYears(1);
        LocalDate comparativeTo = to.minusYears(1);
        return snapshots.read(ledId, reads -> {
            List<AccountLine> period = reads.balances().betweenBeforeClosing(from, to);
            List<AccountLine> comparative = reads.balances().betweenBeforeClosing(comparativeFrom, comparativeTo);
            StatementSettings settings = StatementSettingsStore.read(reads.connection(), ledId, false).settings();
            GroupedAccounts grouped = new GroupedAccounts(period, comparative, new StatementMapping(period,
                    settings.accountGroups()));
            StatementSection income = grouped.section(labels.sectionIncome(),
                    List.of(StatementGroup.OPERATING_INCOME, StatementGroup.OTHER_INCOME),
                    group -> group.caption(labels));
            StatementSection expenses = grouped.section(labels.sectionExpenses(),
                    List.of(StatementGroup.OPERATING_EXPENSE, StatementGroup.OTHER_EXPENSE),
                    group -> group.caption(labels));
            return new IncomeStatement(
                    reads.period("income-statement", labels.incomeStatementTitle(), from, to, labels),
                    comparativeFrom, comparativeTo, income, expenses, income.total().minus(expenses.total()), labels,
                    settings.signatureBlock());
        });
    }
}
