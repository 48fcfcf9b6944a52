package id.lumbung.statement.trialbalance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.money.Amount;
import id.lumbung.statement.AccountLine;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementSnapshots;
import id.lumbung.statement.settings.StatementSettingsStore;

/** Builds the trial balance as of a day, inside one consistent snapshot of the books. */
@ApplicationScoped
public class TrialBalanceService {

    private final StatementSnapshots snapshots;

    public TrialBalanceService(StatementSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * As of {@code asOf}: before a year-end closing entry dated that day unless {@code postClosing}
     * (an auditor checks the pre-closing figures against the income statement, then the
     * post-closing ones against the next year's opening).
     */
    public TrialBalance asOf(UUID ledId, LocalDate asOf, boolean postClosing, StatementMessages labels) {
        return snapshots.read(ledId, reads -> {
            List<AccountLine> accounts = postClosing ? reads.balances().asOf(asOf)
                    : reads.balances().asOfBeforeClosing(asOf);
            List<TrialBalance.Line> lines = new ArrayList<>(accounts.size());
            BigDecimal debit = BigDecimal.ZERO;
            BigDecimal credit = BigDecimal.ZERO;
            for (AccountLine account : accounts) {
                BigDecimal net = account.net();
                if (net.signum() >= 0) {
                    lines.add(new TrialBalance.Line(account.code(), account.name(), account.type(), Amount.of(net),
                            Amount.ZERO));
                    debit = debit.add(net);
                } else {
                    lines.add(new TrialBalance.Line(account.code(), account.name(), account.type(), Amount.ZERO,
                            Amount.of(net.negate())));
                    credit = credit.add(net.negate());
                }
            }
            String title = postClosing ? labels.trialBalancePostClosingTitle() : labels.trialBalanceTitle();
            return new TrialBalance(reads.pointInTime("trial-balance", title, asOf, labels), lines,
                    new TrialBalance.Totals(Amount.of(debit), Amount.of(credit)), labels,
                    StatementSettingsStore.read(reads.connection(), ledId, false).settings().signatureBlock());
        });
    }
}
