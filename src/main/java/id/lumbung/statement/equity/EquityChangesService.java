package id.lumbung.statement.equity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.ledger.AccountType;
import id.lumbung.money.Amount;
import id.lumbung.statement.AccountLine;
import id.lumbung.statement.StatementLanguage;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementSnapshots;
import id.lumbung.statement.settings.StatementSettingsStore;

/**
 * Builds the statement of changes in equity for a period, inside one consistent snapshot: opening
 * and closing balances from the per-day movement rows, the movements by kind from one grouped query
 * over the period's postings, the unclosed surplus from the income and expense accounts.
 */
@ApplicationScoped
public class EquityChangesService {

    private final StatementSnapshots snapshots;

    public EquityChangesService(StatementSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public EquityChanges between(UUID ledId, LocalDate from, LocalDate to, StatementLanguage language) {
        StatementMessages labels = language.messages();
        EquityMessages captions = language.messages(EquityMessages.class);
        LocalDate openingAsOf = from.minusDays(1);
        return snapshots.read(ledId, reads -> {
            List<AccountLine> before = reads.balances().asOf(openingAsOf);
            List<AccountLine> after = reads.balances().asOf(to);
            List<AccountLine> period = reads.balances().betweenBeforeClosing(from, to);
            Map<UUID, Map<EquityMovementKind, Amount>> moved = EquityMovementQuery.read(reads.connection(), ledId,
                    from, to);
            Map<UUID, AccountLine> opening = new HashMap<>();
            before.forEach(line -> opening.put(line.accountId(), line));
            List<EquityRow> accounts = new ArrayList<>();
            EquityMovements closedIntoEquity = EquityMovements.NONE;
            for (AccountLine closing : after) {
                if (closing.type() != AccountType.EQUITY) {
                    continue;
                }
                EquityMovements movements = EquityMovements.of(moved.getOrDefault(closing.accountId(), Map.of()));
                closedIntoEquity = closedIntoEquity.plus(movements);
                accounts.add(new EquityRow(closing.code(), closing.name(),
                        creditBalance(opening.get(closing.accountId())), movements, creditBalance(closing)));
            }
            EquityRow unclosed = unclosedSurplus(captions, before, period, after, closedIntoEquity.surplusClosed());
            return new EquityChanges(reads.period("equity-changes", captions.title(), from, to, labels), openingAsOf,
                    accounts, unclosed, total(captions, accounts, unclosed), labels, captions,
                    StatementSettingsStore.read(reads.connection(), ledId, false).settings().signatureBlock());
        });
    }

    /**
     * The surplus still in the income and expense accounts. What a year-end closing entry moved into
     * retained surplus leaves it: the closing entry posts only income, expenses and equity, so its
     * income and expense side is the opposite of its equity side.
     */
    private static EquityRow unclosedSurplus(EquityMessages captions, List<AccountLine> before,
            List<AccountLine> period, List<AccountLine> after, Amount closedIntoEquity) {
        Map<EquityMovementKind, Amount> movements = new EnumMap<>(EquityMovementKind.class);
        movements.put(EquityMovementKind.PERIOD_SURPLUS, surplus(period));
        movements.put(EquityMovementKind.SURPLUS_CLOSED, closedIntoEquity.negate());
        return new EquityRow(null, captions.unclosedSurplus(), surplus(before), EquityMovements.of(movements),
                surplus(after));
    }

    private static EquityRow total(EquityMessages captions, List<EquityRow> accounts, EquityRow unclosed) {
        Amount opening = unclosed.opening();
        Amount closing = unclosed.closing();
        EquityMovements movements = unclosed.movements();
        for (EquityRow row : accounts) {
            opening = opening.plus(row.opening());
            closing = closing.plus(row.closing());
            movements = movements.plus(row.movements());
        }
        return new EquityRow(null, captions.totalEquity(), opening, movements, closing);
    }

    /** Credits less debits: how the balance sheet signs every line of its equity section (contra negative). */
    private static Amount creditBalance(AccountLine line) {
        return line == null ? Amount.ZERO : Amount.of(line.net().negate());
    }

    /** Income less expenses in these sums. */
    private static Amount surplus(List<AccountLine> accounts) {
        Amount sum = Amount.ZERO;
        for (AccountLine account : accounts) {
            if (account.type() == AccountType.INCOME || account.type() == AccountType.EXPENSE) {
                sum = sum.minus(Amount.of(account.net()));
            }
        }
        return sum;
    }
}
