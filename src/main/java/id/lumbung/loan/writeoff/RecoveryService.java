package id.lumbung.loan.writeoff;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.loan.Loan;
import id.lumbung.loan.LoanService;
import id.lumbung.loan.LoanStatus;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.settings.SettingsService;

/**
 * Money collected on a written-off loan: Dr the receiving cash or bank account · Cr recovery
 * income. The loan's principal already left loans receivable, so a recovery is income of the day
 * it is collected, and never more in all than was written off.
 */
@ApplicationScoped
public class RecoveryService {

    /** {@code reference.type} of a recovery's entry. */
    public static final String REFERENCE_TYPE = "LOAN_RECOVERY";

    private final PostingService posting;
    private final PostingRules rules;
    private final SettingsService settings;
    private final SystemAccounts system;
    private final LoanService loans;

    public RecoveryService(PostingService posting, PostingRules rules, SettingsService settings,
            SystemAccounts system, LoanService loans) {
        this.posting = posting;
        this.rules = rules;
        this.settings = settings;
        this.system = system;
        this.loans = loans;
    }

    @Transactional
    public RecoveryView record(UUID ledId, UUID loanId, @NotNull @Valid RecoveryRequest request, String recordedBy) {
        Loan loan = LoanService.requireLocked(ledId, loanId);
        if (loan.status != LoanStatus.WRITTEN_OFF) {
            throw new ApiException(ProblemType.LOAN_STATUS, "the loan is " + loan.status
                    + "; only a WRITTEN_OFF loan takes recoveries (a running loan takes repayments)");
        }
        rules.requirePositive(request.amount(), "amount");
        rules.requireNotInFuture(ledId, request.paidOn(), "paidOn");
        if (request.paidOn().isBefore(loan.writtenOffOn)) {
            throw new ApiException(ProblemType.PAID_BEFORE_WRITE_OFF, "paidOn: " + request.paidOn()
                    + " is before the write-off on " + loan.writtenOffOn, List.of(new Problem.FieldError("paidOn",
                            "must not be before the write-off (" + loan.writtenOffOn + ")")));
        }
        Amount open = Amount.of(loan.writtenOffPrincipal).minus(Amount.of(loan.recovered));
        if (request.amount().compareTo(open) > 0) {
            throw new ApiException(ProblemType.RECOVERY_EXCEEDS_WRITTEN_OFF, "the loan wrote off "
                    + Amount.of(loan.writtenOffPrincipal) + " and " + Amount.of(loan.recovered)
                    + " was recovered already; " + request.amount() + " is more than the " + open + " left");
        }
        String account = request.account() == null ? settings.lending(ledId).collectionAccount() : request.account();
        rules.requireCashOrBank(ledId, account, "account");

        LoanRecovery recovery = new LoanRecovery();
        recovery.ledId = ledId;
        recovery.id = Ids.next();
        recovery.loanId = loanId;
        recovery.amount = request.amount().value();
        recovery.paidOn = request.paidOn();
        recovery.account = account;
        recovery.recordedAt = Timestamps.now();
        recovery.recordedBy = recordedBy;
        PostedEntry entry = posting.post(new EntryDraft(ledId, request.paidOn(), EntryKind.RECOVERY,
                "Pemulihan pinjaman yang dihapus", new EntryDraft.Reference(REFERENCE_TYPE, recovery.id), null,
                List.of(new EntryDraft.Line(account, Side.DEBIT, request.amount()),
                        new EntryDraft.Line(system.code(ledId, AccountPurpose.RECOVERY_INCOME), Side.CREDIT,
                                request.amount()))), recordedBy);
        recovery.entryId = entry.id();
        recovery.persistAndFlush();

        loan.recovered = loan.recovered.add(recovery.amount);
        loan.touched(request.paidOn());
        loan.updatedAt = recovery.recordedAt;
        return RecoveryView.from(recovery, loans.view(ledId, loan, posting.today(ledId)));
    }

    /** The loan's recoveries in the order they were recorded. */
    @Transactional
    public Page<RecoveryView> list(UUID ledId, UUID loanId, int limit, String after) {
        if (Loan.find(ledId, loanId) == null) {
            throw ApiException.notFound("loan " + loanId);
        }
        UUID from = id.lumbung.platform.paging.Cursor.afterId(after);
        List<LoanRecovery> found = LoanRecovery.<LoanRecovery>find("ledId = ?1 and loanId = ?2 and id > ?3 order by id",
                ledId, loanId, from).page(0, limit + 1).list();
        return Page.of(found, limit, r -> RecoveryView.from(r, null), r -> r.id.toString());
    }
}
