package id.lumbung.ledger.yearend;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.Side;
import id.lumbung.money.Amount;

/**
 * The income and expense balances a closing entry empties: each such account's debits minus credits
 * up to December 31, from the per-day movement rows (one indexed range, never a sum of postings).
 * Earlier years were emptied by their own closes, so this is the year's result, plus that of any
 * earlier year never closed.
 */
final class YearBalances {

    private record Balance(String code, BigDecimal net) {
    }

    private final List<Balance> balances;

    private YearBalances(List<Balance> balances) {
        this.balances = balances;
    }

    static YearBalances asOf(Connection connection, UUID ledId, LocalDate day) throws SQLException {
        List<Balance> balances = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT a.code, coalesce(sum(m.debits), 0) - coalesce(sum(m.credits), 0)
                  FROM account a
                  JOIN account_daily_movement m ON m.led_id = a.led_id AND m.account_id = a.id AND m.day <= ?
                 WHERE a.led_id = ? AND a.type IN ('INCOME', 'EXPENSE')
                 GROUP BY a.code
                 ORDER BY a.code""")) {
            select.setObject(1, day);
            select.setObject(2, ledId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBigDecimal(2).signum() != 0) {
                        balances.add(new Balance(rs.getString(1), rs.getBigDecimal(2)));
                    }
                }
            }
        }
        return new YearBalances(balances);
    }

    /** Income less expenses: credits minus debits over the income and expense accounts. */
    Amount surplus() {
        BigDecimal net = BigDecimal.ZERO;
        for (Balance balance : balances) {
            net = net.add(balance.net());
        }
        return Amount.of(net.negate());
    }

    /**
     * The closing entry's lines: each account posted on the side that empties it, the result to
     * retained surplus (credit for a surplus, debit for a deficit). Empty when nothing is to close.
     */
    List<EntryDraft.Line> closingLines(String retainedSurplus) {
        List<EntryDraft.Line> lines = new ArrayList<>();
        for (Balance balance : balances) {
            Side side = balance.net().signum() > 0 ? Side.CREDIT : Side.DEBIT;
            lines.add(new EntryDraft.Line(balance.code(), side, Amount.of(balance.net().abs())));
        }
        Amount surplus = surplus();
        if (!surplus.isZero()) {
            lines.add(new EntryDraft.Line(retainedSurplus, surplus.isPositive() ? Side.CREDIT : Side.DEBIT,
                    Amount.of(surplus.value().abs())));
        }
        return lines;
    }
}
