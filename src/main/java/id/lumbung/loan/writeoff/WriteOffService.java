package id.lumbung.loan.writeoff;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.ledger.account.AccountService;
import id.lumbung.loan.DecisionRequest;
import id.lumbung.loan.Loan;
import id.lumbung.loan.LoanService;
import id.lumbung.loan.LoanStatus;
import id.lumbung.loan.LoanView;
import id.lumbung.loan.ReasonRequest;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.settings.SettingsService;

/**
 * Writing off a loan the LED no longer expects to collect. Its outstanding principal leaves loans
 * receivable: Dr the loan-loss allowance as far as it holds, the rest Dr loan-loss expense, Cr
 * loans receivable. Interest and penalty still unpaid were never income (cash basis), so nothing
 * else moves. Above the LED's approval threshold a second manager completes it (maker–checker, as
 * for a loan's approval).
 */
@ApplicationScoped
public class WriteOffService {

    /** {@code reference.type} of a write-off's entry. */
    public static final String REFERENCE_TYPE = "LOAN_WRITE_OFF";

    private final PostingService posting;
    private final PostingRules rules;
    private final SettingsService settings;
    private final SystemAccounts system;
    private final AccountService accounts;
    private final LoanService loans;
    private final AuditTrail audit;

    public WriteOffService(PostingService posting, PostingRules rules, SettingsService settings,
            SystemAccounts system, AccountService accounts, LoanService loans, AuditTrail audit) {
        this.audit = audit;
        this.posting = posting;
        this.rules = rules;
        this.settings = settings;
        this.system = system;
        this.accounts = accounts;
        this.loans = loans;
    }

    /**
     * Writes the loan off at once (201) or, when its outstanding principal is above the LED's
     * approval threshold, holds the request for a second manager (202).
     */
    @Transactional
    public Created request(UUID ledId, UUID loanId, @NotNull @Valid WriteOffRequest request, String requestedBy,
            URI location) {
        Loan loan = LoanService.requireLocked(ledId, loanId);
        requireWritable(ledId, loan, request.on());
        LoanWriteOff open = LoanWriteOff.open(ledId, loanId);
        if (open != null) {
            throw new ApiException(ProblemType.WRITE_OFF_PENDING, "a write-off of this loan, requested by "
                    + open.requestedBy + ", already waits for approval");
        }
        LoanWriteOff writeOff = new LoanWriteOff();
        writeOff.ledId = ledId;
        writeOff.id = Ids.next();
        writeOff.loanId = loanId;
        writeOff.status = LoanWriteOff.Status.PENDING_APPROVAL;
        writeOff.writtenOffOn = request.on();
        writeOff.reason = request.reason().strip();
        writeOff.principal = loan.outstandingPrincipal;
        writeOff.requestedAt = Timestamps.now();
        writeOff.requestedBy = requestedBy;
        if (settings.lending(ledId).loanNeedsSecondPerson(Amount.of(loan.outstandingPrincipal))) {
            writeOff.persistAndFlush();
            audit.record(ledId, "write-off.requested", "loan-write-off", writeOff.id, Changes.of()
                    .field("status", null, writeOff.status).field("loanId", null, loanId)
                    .field("principal", null, Amount.of(writeOff.principal)).field("on", null, writeOff.writtenOffOn));
            return new Created(202, location, WriteOffView.from(writeOff, null), false);
        }
        complete(ledId, loan, writeOff, requestedBy, null);
        writeOff.persistAndFlush();
        return Created.at(location, WriteOffView.from(writeOff, view(ledId, loan)));
    }

    /** A second manager completes the pending write-off; its maker may not (403 approver-is-maker). */
    @Transactional
    public WriteOffView approve(UUID ledId, UUID loanId, @NotNull @Valid DecisionRequest decision,
            String approvedBy) {
        Loan loan = LoanService.requireLocked(ledId, loanId);
        LoanWriteOff writeOff = requirePending(ledId, loanId);
        if (writeOff.requestedBy.equals(approvedBy)) {
            throw new ApiException(ProblemType.APPROVER_IS_MAKER, "a write-off of " + Amount.of(writeOff.principal)
                    + " is above the LED's approval threshold: a manager other than its maker ("
                    + writeOff.requestedBy + ") must approve it");
        }
        requireWritable(ledId, loan, writeOff.writtenOffOn);
        // What was repaid while it waited is not written off.
        writeOff.principal = loan.outstandingPrincipal;
        complete(ledId, loan, writeOff, approvedBy, decision.note());
        audit.record(ledId, "write-off.approved", "loan-write-off", writeOff.id, Changes.of()
                .field("status", LoanWriteOff.Status.PENDING_APPROVAL, writeOff.status)
                .field("principal", null, Amount.of(writeOff.principal))
                .field("decisionNote", null, decision.note()));
        return WriteOffView.from(writeOff, view(ledId, loan));
    }

    /** A manager refuses the pending write-off; the loan stays as it is. */
    @Transactional
    public WriteOffView reject(UUID ledId, UUID loanId, @NotNull @Valid ReasonRequest request, String rejectedBy) {
        if (request.effectiveDate() != null) {
            throw ApiException.invalidField("effectiveDate", "a rejection has no effective date");
        }
        Loan loan = LoanService.requireLocked(ledId, loanId);
        LoanWriteOff writeOff = requirePending(ledId, loanId);
        writeOff.status = LoanWriteOff.Status.REJECTED;
        decide(writeOff, rejectedBy, request.reason().strip());
        audit.record(ledId, "write-off.rejected", "loan-write-off", writeOff.id, Changes.of()
                .field("status", LoanWriteOff.Status.PENDING_APPROVAL, writeOff.status)
                .field("decisionNote", null, request.reason().strip()));
        return WriteOffView.from(writeOff, view(ledId, loan));
    }

    /** The loan's latest write-off request, whatever became of it. */
    @Transactional
    public WriteOffView get(UUID ledId, UUID loanId) {
        if (Loan.find(ledId, loanId) == null) {
            throw ApiException.notFound("loan " + loanId);
        }
        LoanWriteOff writeOff = LoanWriteOff.latest(ledId, loanId);
        if (writeOff == null) {
            throw ApiException.notFound("write-off of loan " + loanId);
        }
        return WriteOffView.from(writeOff, null);
    }

    private void requireWritable(UUID ledId, Loan loan, LocalDate on) {
        if (loan.status != LoanStatus.DISBURSED) {
            throw new ApiException(ProblemType.LOAN_STATUS, "the loan is " + loan.status
                    + "; only a DISBURSED loan with principal outstanding can be written off");
        }
        rules.requireNotInFuture(ledId, on, "on");
        if (loan.latestEventOn != null && on.isBefore(loan.latestEventOn)) {
            throw new ApiException(ProblemType.DATE_BEFORE_LOAN_EVENT, "on: " + on + " is before "
                    + loan.latestEventOn + ", the latest day something was recorded on the loan",
                    List.of(new Problem.FieldError("on", "must not be before " + loan.latestEventOn)));
        }
    }

    private static LoanWriteOff requirePending(UUID ledId, UUID loanId) {
        LoanWriteOff open = LoanWriteOff.open(ledId, loanId);
        if (open == null || open.status != LoanWriteOff.Status.PENDING_APPROVAL) {
            throw new ApiException(ProblemType.WRITE_OFF_NOT_PENDING, "no write-off of this loan waits for approval");
        }
        return open;
    }

    /**
     * Posts the WRITE_OFF entry and marks the loan. The allowance covers what it held on the day
     * of the write-off and still holds now (a later provision may already have lowered it); the
     * rest is expense of the day.
     */
    private void complete(UUID ledId, Loan loan, LoanWriteOff writeOff, String decidedBy, String note) {
        Amount principal = Amount.of(writeOff.principal);
        String allowanceCode = system.code(ledId, AccountPurpose.LOAN_LOSS_ALLOWANCE);
        Amount held = min(accounts.get(ledId, allowanceCode, writeOff.writtenOffOn).balance(),
                accounts.get(ledId, allowanceCode, null).balance());
        Amount fromAllowance = held.isPositive() ? min(held, principal) : Amount.ZERO;
        Amount fromExpense = principal.minus(fromAllowance);
        List<EntryDraft.Line> lines = new ArrayList<>();
        if (fromAllowance.isPositive()) {
            lines.add(new EntryDraft.Line(allowanceCode, Side.DEBIT, fromAllowance));
        }
        if (fromExpense.isPositive()) {
            lines.add(new EntryDraft.Line(system.code(ledId, AccountPurpose.LOAN_LOSS_EXPENSE), Side.DEBIT,
                    fromExpense));
        }
        lines.add(new EntryDraft.Line(system.code(ledId, AccountPurpose.LOANS_RECEIVABLE), Side.CREDIT, principal));
        PostedEntry entry = posting.post(new EntryDraft(ledId, writeOff.writtenOffOn, EntryKind.WRITE_OFF,
                "Penghapusan pinjaman: " + writeOff.reason, new EntryDraft.Reference(REFERENCE_TYPE, writeOff.id),
                null, lines), decidedBy);

        writeOff.status = LoanWriteOff.Status.COMPLETED;
        writeOff.fromAllowance = fromAllowance.value();
        writeOff.fromExpense = fromExpense.value();
        writeOff.entryId = entry.id();
        decide(writeOff, decidedBy, note);

        loan.status = LoanStatus.WRITTEN_OFF;
        loan.writtenOffOn = writeOff.writtenOffOn;
        loan.writtenOffPrincipal = writeOff.principal;
        loan.outstandingPrincipal = Amount.ZERO.value();
        loan.touched(writeOff.writtenOffOn);
        loan.updatedAt = writeOff.decidedAt;
    }

    private static void decide(LoanWriteOff writeOff, String by, String note) {
        writeOff.decidedAt = Timestamps.now();
        writeOff.decidedBy = by;
        writeOff.decisionNote = note;
    }

    private static Amount min(Amount a, Amount b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private LoanView view(UUID ledId, Loan loan) {
        return loans.view(ledId, loan, posting.today(ledId));
    }
}
