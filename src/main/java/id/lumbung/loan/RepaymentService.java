package id.lumbung.loan;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.loan.product.ProductTermsCatalog;
import id.lumbung.loan.repayment.Allocation;
import id.lumbung.loan.repayment.Allocator;
import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.loan.repayment.RepaymentExceedsOutstanding;
import id.lumbung.loan.repayment.RepaymentTerms;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.settings.SettingsService;

/**
 * Repayments of a disbursed loan and their reversal. The loan row is locked first (then the
 * journal head, inside the core), so racing repayments of one loan are allocated one after the
 * other and never over-allocate. The books are never re-allocated: a back-dated repayment is
 * allocated after the latest one against what is still open, and only the latest standing
 * repayment can be reversed, which restores the schedule exactly as it was before it.
 */
@ApplicationScoped
public class RepaymentService {

    /** {@code reference.type} of a repayment's entry. */
    public static final String REFERENCE_TYPE = "LOAN_REPAYMENT";

    private static final TypeReference<List<InstallmentState>> STATES = new TypeReference<>() {
    };

    private final PostingService posting;
    private final PostingRules rules;
    private final SettingsService settings;
    private final LoanRecords records;
    private final LoanService loans;
    private final LoanPositions positions;
    private final ProductTermsCatalog products;
    private final ObjectMapper json;
    private final DataSource dataSource;
    private final SystemAccounts system;
    private final ScheduleVersions versions;

    public RepaymentService(PostingService posting, PostingRules rules, SettingsService settings,
            LoanRecords records, LoanService loans, LoanPositions positions, ProductTermsCatalog products,
            ObjectMapper json, DataSource dataSource, SystemAccounts system, ScheduleVersions versions) {
        this.system = system;
        this.versions = versions;
        this.dataSource = dataSource;
        this.positions = positions;
        this.products = products;
        this.posting = posting;
        this.rules = rules;
        this.settings = settings;
        this.records = records;
        this.loans = loans;
        this.json = json;
    }

    /**
     * Allocates the payment (oldest installment first, penalty accrued to {@code paidOn}) and posts
     * Dr the receiving account · Cr 4-1300 Penalty · Cr 4-1100 Interest · Cr 1-1300 Loans receivable,
     * lines of zero left out. The payment that leaves nothing owing closes the loan.
     */
    @Transactional
    public RepaymentView record(UUID ledId, UUID loanId, @NotNull @Valid RepaymentRequest request,
            String recordedBy) {
        try (Connection connection = dataSource.getConnection()) {
            return record(connection, ledId, loanId, request, recordedBy);
        } catch (SQLException e) {
            throw new IllegalStateException("recording a repayment failed: SQL state " + e.getSQLState(), e);
        }
    }

    private RepaymentView record(Connection connection, UUID ledId, UUID loanId, RepaymentRequest request,
            String recordedBy) throws SQLException {
        Payable payable = lockForPayment(connection, ledId, loanId);
        if (payable == null) {
            throw ApiException.notFound("loan " + loanId);
        }
        Loan loan = payable.loan();
        requireTakesPayments(loan);
        rules.requirePositive(request.amount(), "amount");
        rules.requireNotInFuture(ledId, request.paidOn(), "paidOn");
        requireNotBeforeDisbursement(loan, request.paidOn());
        String account = collectionAccount(ledId, request.account());
        Part part;
        try {
            part = apply(connection, payable, request.amount(), request.paidOn(), account, recordedBy);
        } catch (RepaymentExceedsOutstanding e) {
            throw new ApiException(ProblemType.REPAYMENT_EXCEEDS_OUTSTANDING, "the loan owes " + e.payable()
                    + " in all on " + request.paidOn() + " (principal, interest and penalty due); "
                    + request.amount() + " is more");
        }
        PostedEntry entry = posting.post(new EntryDraft(ledId, request.paidOn(), EntryKind.REPAYMENT,
                "Angsuran pinjaman " + payable.memberName() + " ke-" + part.repayment().seq,
                new EntryDraft.Reference(REFERENCE_TYPE, part.repayment().id), null,
                lines(ledId, account, request.amount(), List.of(part))), recordedBy);
        insert(connection, part, entry.id(), null);
        // Everything dated on the loan is on or before today: the answer needs no read.
        LocalDate today = posting.today(ledId);
        return RepaymentView.from(part.repayment(), null, loans.view(ledId, loan, today,
                positions.current(loan, part.allocation().after(), today)));
    }

    /**
     * A loan locked for a payment (racing payments of it queue here), its member's name, installments
     * and terms (null until it is disbursed).
     */
    public record Payable(Loan loan, String memberName, List<InstallmentState> installments, RepaymentTerms terms) {
    }

    /** One loan's part of a payment, allocated and written to its installments and loan row, not yet booked. */
    public record Part(Loan loan, Allocation allocation, LoanRepayment repayment) {
    }

    /**
     * Locks the loan for a payment and reads what it owes; null when the LED has no such loan. The
     * loan comes detached from any ORM session: the payment path writes it in plain JDBC.
     */
    public Payable lockForPayment(Connection connection, UUID ledId, UUID loanId) throws SQLException {
        RepaymentRows.Locked locked = RepaymentRows.lock(connection, ledId, loanId);
        if (locked == null) {
            return null;
        }
        Loan loan = locked.loan();
        List<InstallmentState> installments = RepaymentRows.installments(connection, ledId, loan.id);
        // Terms are fixed at disbursement: a loan not (or no longer) paid out has none.
        return new Payable(loan, locked.memberName(), installments, loan.disbursementId == null ? null
                : LoanTermsOf.repayment(loan, products.of(ledId, loan.productId)));
    }

    /** 409 loan-status unless the loan is DISBURSED. */
    public static void requireTakesPayments(Loan loan) {
        if (loan.status != LoanStatus.DISBURSED) {
            throw new ApiException(ProblemType.LOAN_STATUS, loan.status == LoanStatus.CLOSED
                    ? "the loan is CLOSED: it was repaid in full on " + loan.closedOn
                    : "the loan is " + loan.status + "; only a DISBURSED loan takes repayments");
        }
    }

    /** 422 paid-before-disbursement, or paid-before-reschedule: a payment meets the schedule in force on its day. */
    public static void requireNotBeforeDisbursement(Loan loan, LocalDate paidOn) {
        if (paidOn.isBefore(loan.disbursedOn)) {
            throw new ApiException(ProblemType.PAID_BEFORE_DISBURSEMENT, "paidOn: " + paidOn
                    + " is before the disbursement on " + loan.disbursedOn, List.of(new Problem.FieldError("paidOn",
                            "must not be before the disbursement (" + loan.disbursedOn + ")")));
        }
        if (loan.rescheduledOn != null && paidOn.isBefore(loan.rescheduledOn)) {
            throw new ApiException(ProblemType.PAID_BEFORE_RESCHEDULE, "paidOn: " + paidOn + " is before "
                    + "the reschedule on " + loan.rescheduledOn + "; a payment is allocated against the schedule in "
                    + "force on its day", List.of(new Problem.FieldError("paidOn", "must not be before the "
                            + "reschedule (" + loan.rescheduledOn + ")")));
        }
    }

    /** The cash or bank account a payment is taken into (default: the lending settings' collection account). */
    public String collectionAccount(UUID ledId, String requested) {
        String account = requested == null ? settings.lending(ledId).collectionAccount() : requested;
        rules.requireCashOrBank(ledId, account, "account");
        return account;
    }

    /**
     * Allocates {@code amount} to the locked loan and writes the loan's new state; the repayment
     * row follows with {@link #insert} once the entry is posted. More than {@link Allocator#payable}
     * on {@code paidOn}: {@link RepaymentExceedsOutstanding}, before anything is written.
     */
    public Part apply(Connection connection, Payable payable, Amount amount, LocalDate paidOn, String account,
            String recordedBy) throws SQLException {
        Loan loan = payable.loan();
        List<InstallmentState> before = payable.installments();
        Allocation allocation = Allocator.allocate(before, payable.terms(), amount, paidOn);

        // The loan's own state first: it does not point at the entry, so the LED's journal head,
        // locked by the posting, is held only for the entry and the rows that reference it.
        List<InstallmentState> changedBefore = new ArrayList<>();
        List<InstallmentState> changedAfter = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            InstallmentState after = allocation.after().get(i);
            if (!after.equals(before.get(i))) {
                changedBefore.add(before.get(i));
                changedAfter.add(after);
            }
        }
        RepaymentRows.updateInstallments(connection, loan.ledId, loan.id, changedAfter);
        int sequence = ++loan.repaymentCount;
        loan.outstandingPrincipal = loan.outstandingPrincipal.subtract(allocation.principal().value());
        loan.touched(paidOn);
        loan.updatedAt = Timestamps.now();
        if (allocation.after().stream().allMatch(InstallmentState::settled)) {
            loan.status = LoanStatus.CLOSED;
            loan.closedOn = paidOn;
        }
        RepaymentRows.updateLoan(connection, loan);

        LoanRepayment repayment = new LoanRepayment();
        repayment.ledId = loan.ledId;
        repayment.id = Ids.next();
        repayment.loanId = loan.id;
        repayment.seq = sequence;
        repayment.amount = amount.value();
        repayment.paidOn = paidOn;
        repayment.account = account;
        repayment.penalty = allocation.penalty().value();
        repayment.interest = allocation.interest().value();
        repayment.principal = allocation.principal().value();
        repayment.installmentsBefore = write(changedBefore);
        repayment.recordedAt = loan.updatedAt;
        repayment.recordedBy = recordedBy;
        return new Part(loan, allocation, repayment);
    }

    /** The lines of one REPAYMENT entry for these parts: Dr the account · Cr penalty · Cr interest · Cr 1-1300. */
    public List<EntryDraft.Line> lines(UUID ledId, String account, Amount amount, List<Part> parts) {
        Amount penalty = Amount.ZERO;
        Amount interest = Amount.ZERO;
        Amount principal = Amount.ZERO;
        for (Part part : parts) {
            penalty = penalty.plus(part.allocation().penalty());
            interest = interest.plus(part.allocation().interest());
            principal = principal.plus(part.allocation().principal());
        }
        List<EntryDraft.Line> lines = new ArrayList<>();
        lines.add(new EntryDraft.Line(account, Side.DEBIT, amount));
        credit(lines, system.code(ledId, AccountPurpose.PENALTY_INCOME), penalty);
        credit(lines, system.code(ledId, AccountPurpose.INTEREST_INCOME), interest);
        credit(lines, system.code(ledId, AccountPurpose.LOANS_RECEIVABLE), principal);
        return lines;
    }

    /** The part's repayment row and lines, booked by {@code entryId}; through a group's payment when given. */
    public void insert(Connection connection, Part part, UUID entryId, UUID groupRepaymentId) throws SQLException {
        part.repayment().entryId = entryId;
        part.repayment().groupRepaymentId = groupRepaymentId;
        RepaymentRows.insert(connection, part.repayment(), part.allocation().lines());
    }

    /**
     * Reverses the loan's latest standing repayment (a bounced transfer): the core reverses its
     * entry, and the schedule and the loan return to what they were before it.
     */
    @Transactional
    public LoanReversalView reverse(UUID ledId, UUID loanId, UUID repaymentId, @NotNull @Valid ReasonRequest request,
            String recordedBy) {
        Loan loan = LoanService.requireLocked(ledId, loanId);
        LoanRepayment repayment = LoanRepayment.<LoanRepayment>find("ledId = ?1 and id = ?2 and loanId = ?3", ledId,
                repaymentId, loanId).firstResult();
        if (repayment == null) {
            throw ApiException.notFound("repayment " + repaymentId);
        }
        if (repayment.groupRepaymentId != null) {
            throw new ApiException(ProblemType.REPAYMENT_OF_GROUP, "repayment " + repayment.seq + " of this loan "
                    + "is its part of KUB group payment " + repayment.groupRepaymentId + ", booked in one entry with "
                    + "the other shares' parts; reverse the group's payment through its group loan");
        }
        requireReversible(ledId, repayment);
        PostedEntry reversal = posting.reverseOwnEntry(ledId, repayment.entryId, request.reason().strip(),
                request.effectiveDate(), recordedBy);
        LoanReversalView view = restore(ledId, loan, repayment, reversal, request.reason().strip(), recordedBy);
        return DisbursementService.withLoan(view, loans.view(ledId, loan, posting.today(ledId)));
    }

    /** 409 unless the repayment stands and is its loan's latest standing one (the loan locked by the caller). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireReversible(UUID ledId, LoanRepayment repayment) {
        Loan loan = Loan.find(ledId, repayment.loanId); // locked by the caller: the session's own entity
        if (loan.status == LoanStatus.WRITTEN_OFF) {
            throw new ApiException(ProblemType.LOAN_STATUS, "the loan was written off on " + loan.writtenOffOn
                    + "; its repayments stand as they were (what is collected now is a recovery)");
        }
        if (records.reversed(ledId, repayment.id)) {
            throw new ApiException(ProblemType.REPAYMENT_ALREADY_REVERSED, "repayment " + repayment.seq
                    + " of this loan was already reversed");
        }
        LoanRepayment latest = LoanRepayment.latestStanding(ledId, repayment.loanId);
        if (latest.seq != repayment.seq) {
            throw new ApiException(ProblemType.REPAYMENT_NOT_LATEST, "repayment " + repayment.seq + " of loan "
                    + repayment.loanId + " is not the loan's latest standing repayment (" + latest.seq
                    + " is); reverse the later ones first");
        }
        if (loan.scheduleVersion > 1 && repayment.seq <= versions.repaymentsBefore(ledId, repayment.loanId,
                loan.scheduleVersion)) {
            throw new ApiException(ProblemType.LOAN_RESCHEDULED, "repayment " + repayment.seq + " was allocated "
                    + "against a schedule the reschedule on " + loan.rescheduledOn + " replaced; the reschedule "
                    + "stands on it, so it cannot be reversed");
        }
    }

    /**
     * The schedule and the locked loan as they were before the repayment, whose entry
     * {@code reversal} reversed, and the loan's reversal row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LoanReversalView restore(UUID ledId, Loan loan, LoanRepayment repayment, PostedEntry reversal,
            String reason, String recordedBy) {
        Map<Integer, InstallmentState> restore = new HashMap<>();
        read(repayment.installmentsBefore).forEach(state -> restore.put(state.number(), state));
        for (Installment row : restore.isEmpty() ? List.<Installment>of() : Installment.<Installment>list(
                "ledId = ?1 and loanId = ?2 and number in ?3", ledId, loan.id, List.copyOf(restore.keySet()))) {
            row.apply(restore.get(row.number));
        }
        loan.outstandingPrincipal = loan.outstandingPrincipal.add(repayment.principal);
        if (loan.status == LoanStatus.CLOSED) {
            loan.status = LoanStatus.DISBURSED;
            loan.closedOn = null;
        }
        loan.touched(reversal.effectiveDate());
        loan.updatedAt = Timestamps.now();
        LoanReversalView view = new LoanReversalView(Ids.next(), "REPAYMENT", repayment.id, reversal.id(),
                reversal.effectiveDate(), reason, loan.updatedAt, recordedBy, null);
        records.insertReversal(ledId, view, loan.id);
        Installment.flush();
        return view;
    }

    /** The loan's repayments in the order they were recorded. */
    @Transactional
    public Page<RepaymentView> list(UUID ledId, UUID loanId, int limit, String after) {
        if (Loan.find(ledId, loanId) == null) {
            throw ApiException.notFound("loan " + loanId);
        }
        long afterSeq = after == null ? 0 : Cursor.decodeLong(after);
        List<LoanRepayment> found = LoanRepayment.<LoanRepayment>find("ledId = ?1 and loanId = ?2 and seq > ?3 "
                + "order by seq", ledId, loanId, (int) afterSeq).page(0, limit + 1).list();
        Map<UUID, UUID> reversedBy = new HashMap<>();
        if (!found.isEmpty()) {
            LoanReversalRow.<LoanReversalRow>list("ledId = ?1 and loanId = ?2 and targetId in ?3", ledId, loanId,
                    found.stream().map(r -> r.id).toList()).forEach(v -> reversedBy.put(v.targetId, v.entryId));
        }
        return Page.of(found, limit, r -> RepaymentView.from(r, reversedBy.get(r.id), null),
                r -> Integer.toString(r.seq));
    }

    /** One repayment of the loan, with {@code reversedBy} once reversed. */
    @Transactional
    public RepaymentView get(UUID ledId, UUID loanId, UUID repaymentId) {
        LoanRepayment repayment = LoanRepayment.<LoanRepayment>find("ledId = ?1 and id = ?2 and loanId = ?3", ledId,
                repaymentId, loanId).firstResult();
        if (repayment == null) {
            throw ApiException.notFound("repayment " + repaymentId);
        }
        LoanReversalRow reversal = LoanReversalRow.<LoanReversalRow>find("ledId = ?1 and targetId = ?2", ledId,
                repaymentId).firstResult();
        return RepaymentView.from(repayment, reversal == null ? null : reversal.entryId, null);
    }

    private static void credit(List<EntryDraft.Line> lines, String account, Amount amount) {
        if (amount.isPositive()) {
            lines.add(new EntryDraft.Line(account, Side.CREDIT, amount));
        }
    }

    private String write(List<InstallmentState> states) {
        try {
            return json.writeValueAsString(states);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("installments cannot be written as JSON", e);
        }
    }

    private List<InstallmentState> read(String text) {
        try {
            return json.readValue(text, STATES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a repayment's stored installments cannot be read", e);
        }
    }
}
