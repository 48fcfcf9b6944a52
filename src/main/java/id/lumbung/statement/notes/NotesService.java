package id.lumbung.statement.notes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.loan.portfolio.PortfolioService;
import id.lumbung.loan.portfolio.PortfolioView;
import id.lumbung.loan.quality.LoanQualityService;
import id.lumbung.loan.quality.QualityMeasure;
import id.lumbung.loan.quality.QualitySetting;
import id.lumbung.loan.quality.QualityTable;
import id.lumbung.loan.repayment.AllocationOrder;
import id.lumbung.loan.schedule.Frequency;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;
import id.lumbung.settings.LendingSettings;
import id.lumbung.settings.SettingsService;
import id.lumbung.statement.ChainHead;
import id.lumbung.statement.PdfStatementWriter;
import id.lumbung.statement.StatementLanguage;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementSnapshots;
import id.lumbung.statement.settings.LendingCashFlow;
import id.lumbung.statement.settings.StatementSettings;
import id.lumbung.statement.settings.StatementSettingsStore;

/**
 * Builds the notes as of a day. The grants and the period closes are read inside the statement's
 * snapshot, on its connection. Three parts are not, because they are owned by services that read on
 * connections of their own: the lending settings (rounding, allocation order), the loan-quality
 * setting in force and the portfolio by class. They are read just before the snapshot is opened,
 * never while it holds its connection (a request holding one pooled connection while it waits for
 * more is how the pool deadlocked before, see PortfolioService); the portfolio states its own chain
 * head so a reader sees whether it differs from the notes'.
 */
@ApplicationScoped
public class NotesService {

    private final StatementSnapshots snapshots;
    private final SettingsService settings;
    private final LoanQualityService quality;
    private final PortfolioService portfolio;

    public NotesService(StatementSnapshots snapshots, SettingsService settings, LoanQualityService quality,
            PortfolioService portfolio) {
        this.snapshots = snapshots;
        this.settings = settings;
        this.quality = quality;
        this.portfolio = portfolio;
    }

    public StatementNotes asOf(UUID ledId, LocalDate asOf, StatementLanguage language) {
        StatementMessages labels = language.messages();
        NotesMessages captions = language.messages(NotesMessages.class);
        // Outside the snapshot (see the class comment).
        NotesSections.Portfolio loans = portfolio(portfolio.report(ledId, asOf, null, false));
        LendingSettings lending = settings.lending(ledId);
        LoanQualityService.Change inForce = quality.inForceNow(ledId, asOf);
        return snapshots.read(ledId, reads -> {
            // The statement settings are the snapshot's own, as the cash-flow statement reads them.
            StatementSettings statementSettings = StatementSettingsStore.read(reads.connection(), ledId, false)
                    .settings();
            LendingCashFlow lendingCashFlow = statementSettings.lendingCashFlow();
            AccountingPolicies policies = new AccountingPolicies(captions.compliance(), captions.basis(),
                    rounding(lending.rounding(), captions, language), allocation(lending.allocationOrder(), captions),
                    loanQuality(inForce, captions), captions.loanLossAllowance(),
                    new AccountingPolicies.CashFlowPolicy(lendingCashFlow, lendingCashFlow == LendingCashFlow.OPERATING
                            ? captions.cashFlowOperating() : captions.cashFlowInvesting()));
            return new StatementNotes(reads.pointInTime("notes", captions.title(), asOf, labels), policies,
                    NotesQueries.periodCloses(reads.connection(), ledId, asOf),
                    NotesQueries.grants(reads.connection(), ledId, asOf), loans, labels, captions,
                    statementSettings.signatureBlock());
        });
    }

    private static NotesSections.Portfolio portfolio(PortfolioView report) {
        return new NotesSections.Portfolio(new ChainHead(report.chainHead().number(), report.chainHead().hash()),
                report.loans(), report.outstandingPrincipal(), report.byClass(), report.provisionRequired(),
                report.provisionBooked());
    }

    private static AccountingPolicies.RoundingPolicy rounding(Rounding rounding, NotesMessages captions,
            StatementLanguage language) {
        String mode = switch (rounding.mode()) {
            case UP -> captions.roundingUp();
            case DOWN -> captions.roundingDown();
            default -> captions.roundingHalfUp();
        };
        return new AccountingPolicies.RoundingPolicy(Amount.of(rounding.step()), rounding.mode().name(),
                captions.rounding(step(rounding.step(), language), mode));
    }

    /** The step as people write it: {@code 1}, {@code 1.000} (id) / {@code 1,000} (en), cents only when it has them. */
    private static String step(BigDecimal step, StatementLanguage language) {
        String printed = PdfStatementWriter.formatted(step, language);
        return step.stripTrailingZeros().scale() <= 0 ? printed.substring(0, printed.length() - 3) : printed;
    }

    private static AccountingPolicies.AllocationPolicy allocation(AllocationOrder order, NotesMessages captions) {
        return new AccountingPolicies.AllocationPolicy(order, switch (order) {
            case PENALTY_INTEREST_PRINCIPAL -> captions.allocationPenaltyInterestPrincipal();
            case INTEREST_PRINCIPAL_PENALTY -> captions.allocationInterestPrincipalPenalty();
        });
    }

    private static AccountingPolicies.LoanQualityPolicy loanQuality(LoanQualityService.Change inForce,
            NotesMessages captions) {
        QualitySetting setting = inForce.setting();
        QualityTable monthly = setting.table(Frequency.MONTHLY);
        LocalDate effectiveFrom = inForce.id() == null ? null : inForce.effectiveFrom();
        String measure = monthly.measure() == QualityMeasure.DAYS_PAST_DUE ? captions.measureDaysPastDue()
                : captions.measureMissedInstallments();
        String table = setting.preset() != null ? setting.preset().name() : captions.customTable();
        String since = effectiveFrom == null ? captions.sinceTheBeginning() : effectiveFrom.toString();
        return new AccountingPolicies.LoanQualityPolicy(setting.preset(), monthly.measure(), effectiveFrom,
                monthly.classes(), setting.table(Frequency.WEEKLY).classes(),
                captions.loanQuality(measure, table, since));
    }
}
