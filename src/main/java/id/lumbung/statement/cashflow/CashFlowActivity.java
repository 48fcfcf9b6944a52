package id.lumbung.statement.cashflow;

import id.lumbung.statement.StatementGroup;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.settings.LendingCashFlow;

/**
 * The three activities of a cash-flow statement (IAS 7 / PSAK 2). An account's activity follows from
 * where the LED presents it: loans to members by the lending setting (operating for a revolving fund,
 * investing where lending is incidental), non-current assets investing, equity and non-current
 * liabilities financing (grants and community capital are equity), everything else operating
 * (income and expenses, member savings, other payables).
 */
public enum CashFlowActivity {
    OPERATING, INVESTING, FINANCING;

    public static CashFlowActivity of(StatementGroup group, boolean loanPrincipal, LendingCashFlow lending) {
        if (loanPrincipal) {
            return lending == LendingCashFlow.INVESTING ? INVESTING : OPERATING;
        }
        return switch (group) {
            case NON_CURRENT_ASSETS -> INVESTING;
            case EQUITY, NON_CURRENT_LIABILITIES -> FINANCING;
            default -> OPERATING;
        };
    }

    public String caption(StatementMessages labels) {
        return switch (this) {
            case OPERATING -> labels.cashFlowOperating();
            case INVESTING -> labels.cashFlowInvesting();
            case FINANCING -> labels.cashFlowFinancing();
        };
    }

    public String netCaption(StatementMessages labels) {
        return switch (this) {
            case OPERATING -> labels.cashFlowNetOperating();
            case INVESTING -> labels.cashFlowNetInvesting();
            case FINANCING -> labels.cashFlowNetFinancing();
        };
    }
}
