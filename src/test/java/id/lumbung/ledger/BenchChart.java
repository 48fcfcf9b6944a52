package id.lumbung.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * The accounts {@link BenchEntryMix} posts to, read from the LED's chart: the system accounts by
 * {@link AccountPurpose} through {@link SystemAccounts}, as the service's own features find them, and the
 * accounts the LED added itself (no purpose) by type: a cash box under cash or bank, expense accounts,
 * other income. No code is written into the generator.
 *
 * @param byCode   every account of the LED, as the append statement resolves postings
 * @param opening  each account's balance on its normal side in whole rupiah (rounded down) before the run
 */
record BenchChart(
        Map<String, AccountRef> byCode,
        Map<AccountRef, Long> opening,
        AccountRef cash,
        AccountRef bank,
        AccountRef loans,
        AccountRef savings,
        AccountRef interest,
        AccountRef fees,
        AccountRef penalties,
        AccountRef grantCapital,
        AccountRef community,
        List<AccountRef> expenses,
        List<AccountRef> cashBoxes,
        List<AccountRef> otherIncome) {

    private static final String ACCOUNTS = """
            SELECT a.id, a.code, a.type, a.normal_side, a.no_negative, a.purpose, p.purpose,
                   a.debits_posted, a.credits_posted
              FROM account a LEFT JOIN account p ON p.led_id = a.led_id AND p.id = a.parent_id
             WHERE a.led_id = ?""";

    /** Loans receivable and member savings are sub-ledger sums: never below zero, though no check says so. */
    boolean neverNegative(AccountRef account) {
        return account.equals(loans) || account.equals(savings);
    }

    static BenchChart read(DataSource dataSource, UUID ledId) throws SQLException {
        SystemAccounts system = new SystemAccounts(dataSource);
        Map<String, AccountRef> byCode = new HashMap<>();
        Map<AccountRef, Long> opening = new HashMap<>();
        List<AccountRef> expenses = new ArrayList<>();
        List<AccountRef> cashBoxes = new ArrayList<>();
        List<AccountRef> otherIncome = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(ACCOUNTS)) {
            select.setObject(1, ledId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    AccountRef account = new AccountRef(ledId, rs.getObject(1, UUID.class), rs.getString(2),
                            AccountType.valueOf(rs.getString(3)), Side.valueOf(rs.getString(4)), rs.getBoolean(5));
                    byCode.put(account.code(), account);
                    BigDecimal debitBalance = rs.getBigDecimal(8).subtract(rs.getBigDecimal(9));
                    BigDecimal normal = account.normalSide() == Side.DEBIT ? debitBalance : debitBalance.negate();
                    opening.put(account, normal.setScale(0, RoundingMode.FLOOR).longValueExact());
                    if (rs.getString(6) == null) {
                        String parent = rs.getString(7);
                        boolean underCash = AccountPurpose.CASH.name().equals(parent)
                                || AccountPurpose.BANK.name().equals(parent);
                        switch (account.type()) {
                            case ASSET -> {
                                if (underCash && account.noNegative()) {
                                    cashBoxes.add(account);
                                }
                            }
                            case EXPENSE -> expenses.add(account);
                            case INCOME -> otherIncome.add(account);
                            default -> {
                            }
                        }
                    }
                }
            }
        }
        Function<AccountPurpose, AccountRef> of = purpose -> byCode.get(system.code(ledId, purpose));
        expenses.add(of.apply(AccountPurpose.OPERATING_EXPENSE));
        expenses.add(of.apply(AccountPurpose.TRAINING_EXPENSE));
        expenses.sort(Comparator.comparing(AccountRef::code));
        cashBoxes.sort(Comparator.comparing(AccountRef::code));
        otherIncome.sort(Comparator.comparing(AccountRef::code));
        return new BenchChart(Map.copyOf(byCode), Map.copyOf(opening), of.apply(AccountPurpose.CASH),
                of.apply(AccountPurpose.BANK), of.apply(AccountPurpose.LOANS_RECEIVABLE),
                of.apply(AccountPurpose.MEMBER_SAVINGS), of.apply(AccountPurpose.INTEREST_INCOME),
                of.apply(AccountPurpose.FEE_INCOME), of.apply(AccountPurpose.PENALTY_INCOME),
                of.apply(AccountPurpose.DISTRICT_GRANT_CAPITAL), of.apply(AccountPurpose.COMMUNITY_EQUITY),
                List.copyOf(expenses), List.copyOf(cashBoxes), List.copyOf(otherIncome));
    }
}
