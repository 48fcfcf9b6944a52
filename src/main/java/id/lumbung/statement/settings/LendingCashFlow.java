package id.lumbung.statement.settings;

/**
 * Where the cash flow puts loans to members and what they bring back. A revolving fund's lending is
 * its main business, so operating (IAS 7.15, PSAK 2); a BUMDes whose lending unit is incidental
 * shows it under investing (IAS 7.16).
 */
public enum LendingCashFlow {
    OPERATING, INVESTING
}
