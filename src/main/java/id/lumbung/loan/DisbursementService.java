package id.lumbung.loan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
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
import id.lumbung.loan.product.ProductTerms;
import id.lumbung.loan.product.ProductTermsCatalog;
import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.loan.schedule.ScheduleCalculator;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.settings.LendingSettings;
import id.lumbung.settings.SettingsService;

/**
 * Paying an approved loan out, and undoing a disbursement recorded by mistake. The schedule is
 * fixed at disbursement, with the rounding and allocation order the LED lends with that day.
 */
@ApplicationScoped
public class DisbursementService {

    /** {@code reference.type} of a disbursement's entry. */
    public static final String REFERENCE_TYPE = "LOAN_DISBURSEMENT";

    private final PostingService posting;
    private final PostingRules rules;
    private final SettingsService settings;
    private final LoanRecords records;
    private final LoanService loans;
    private final ProductTermsCatalog products;
    private final SystemAccounts system;

    public DisbursementService(PostingService posting, PostingRules rules, SettingsService settings,
            LoanRecords records, LoanService loans, ProductTermsCatalog products, SystemAccounts system) {
        this.system = system;
        this.products = products;
        this.posting = posting;
        this.rules = rules;
        this.settings = settings;
        this.records = records;
        this.loans = loans;
    }

    /**
     * APPROVED → DISBURSED: one entry Dr 1-1300 Loans receivable · Cr the paying account for the
     * principal, and Dr the collection account · Cr 4-1200 Fee income for the admin fee. The cash's
     * no-negative rule is the core's: 409 insufficient-funds, nothing written.
     */
    @Transactional
    public DisbursementView disburse(UUID ledId, UUID loanId, @NotNull @Valid DisbursementRequest request,
            String recordedBy) {
        Loan loan = LoanService.requireLocked(ledId, loanId);
        LoanService.requireSingle(loan, "disbursed");
        LoanService.requireStatus(loan, LoanStatus.APPROVED, "disbursed");
        UUID id = Ids.next();
        String member = records.memberName(ledId, loan.memberId);
        Paid paid = pay(ledId, List.of(loan), List.of(id), request, recordedBy,
                "Pencairan pinjaman " + member + ": " + loan.purpose, new EntryDraft.Reference(REFERENCE_TYPE, id));
        return view(paid.disbursements().get(0), loans.view(ledId, loan, posting.today(ledId)));
    }

    /** What paying loans out together posted: the one entry and each loan's disbursement, in the loans' order. */
    public record Paid(PostedEntry entry, List<LoanRecords.Disbursement> disbursements) {
    }

    /**
     * APPROVED → DISBURSED for loans paid out together (a KUB group loan's shares, locked by the
     * caller): each loan gets the rows and schedule a single disbursement gives it, and one entry
     * carries the lines of a single disbursement for their totals (each fee rounded per loan).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Paid disburseTogether(UUID ledId, List<Loan> locked, DisbursementRequest request, String recordedBy,
            String description, EntryDraft.Reference reference) {
        locked.forEach(loan -> LoanService.requireStatus(loan, LoanStatus.APPROVED, "disbursed"));
        return pay(ledId, locked, locked.stream().map(loan -> Ids.next()).toList(), request, recordedBy, description,
                reference);
    }

    private Paid pay(UUID ledId, List<Loan> locked, List<UUID> ids, DisbursementRequest request, String recordedBy,
            String description, EntryDraft.Reference reference) {
        rules.requireNotInFuture(ledId, request.disbursedOn(), "disbursedOn");
        LendingSettings lending = settings.lending(ledId);
        String paidFrom = request.paidFrom() == null ? lending.disbursementAccount() : request.paidFrom();
        rules.requireCashOrBank(ledId, paidFrom, "paidFrom");
        String feeAccount = lending.collectionAccount();
        Rounding rounding = lending.rounding();

        Amount principal = Amount.ZERO;
        Amount fee = Amount.ZERO;
        List<Amount> fees = new ArrayList<>();
        List<List<InstallmentState>> schedules = new ArrayList<>();
        for (Loan loan : locked) {
            ProductTerms product = products.of(ledId, loan.productId);
            Amount loanFee = Amount.of(rounding.round(loan.principal.multiply(product.adminFeePercent())
                    .divide(BigDecimal.valueOf(100), MathContext.DECIMAL128)));
            schedules.add(ScheduleCalculator.schedule(LoanTermsOf.schedule(loan, product, rounding),
                    Amount.of(loan.principal), request.disbursedOn()).stream().map(InstallmentState::fresh).toList());
            fees.add(loanFee);
            principal = principal.plus(Amount.of(loan.principal));
            fee = fee.plus(loanFee);
        }

        List<EntryDraft.Line> lines = new ArrayList<>(List.of(
                new EntryDraft.Line(system.code(ledId, AccountPurpose.LOANS_RECEIVABLE), Side.DEBIT, principal),
                new EntryDraft.Line(paidFrom, Side.CREDIT, principal)));
        if (fee.isPositive()) {
            lines.add(new EntryDraft.Line(feeAccount, Side.DEBIT, fee));
            lines.add(new EntryDraft.Line(system.code(ledId, AccountPurpose.FEE_INCOME), Side.CREDIT, fee));
        }
        PostedEntry entry = posting.post(new EntryDraft(ledId, request.disbursedOn(), EntryKind.LOAN_DISBURSEMENT,
                description, reference, null, lines), recordedBy);

        List<LoanRecords.Disbursement> disbursements = new ArrayList<>();
        Instant recordedAt = Timestamps.now();
        for (int i = 0; i < locked.size(); i++) {
            Loan loan = locked.get(i);
            LoanRecords.Disbursement disbursement = new LoanRecords.Disbursement(ids.get(i), loan.id,
                    request.disbursedOn(), loan.principal, fees.get(i).value(), paidFrom, feeAccount, entry.id(),
                    recordedAt, recordedBy);
            records.insertDisbursement(ledId, disbursement);
            // A loan disbursed again after a reversed disbursement gets a new schedule from its new date.
            Installment.delete("ledId = ?1 and loanId = ?2", ledId, loan.id);
            schedules.get(i).forEach(state -> Installment.create(ledId, loan.id, state).persist());

            loan.status = LoanStatus.DISBURSED;
            loan.disbursementId = disbursement.id();
            loan.disbursedOn = request.disbursedOn();
            loan.roundingStep = rounding.step();
            loan.roundingMode = rounding.mode().name();
            loan.allocationOrder = lending.allocationOrder();
            loan.outstandingPrincipal = loan.principal;
            loan.touched(request.disbursedOn());
            loan.updatedAt = recordedAt;
            disbursements.add(disbursement);
        }
        Installment.flush();
        return new Paid(entry, disbursements);
    }

    /**
     * Undoes a disbursement recorded by mistake while no repayment stands: the core reverses its
     * entry, the schedule goes, and the loan returns to APPROVED.
     */
    @Transactional
    public LoanReversalView reverse(UUID ledId, UUID loanId, @NotNull @Valid ReasonRequest request,
            String recordedBy) {
        Loan loan = LoanService.requireLocked(ledId, loanId);
        LoanService.requireSingle(loan, "have its disbursement reversed");
        LoanService.requireStatus(loan, LoanStatus.DISBURSED, "have its disbursement reversed");
        if (loan.scheduleVersion > 1) {
            throw new ApiException(ProblemType.LOAN_RESCHEDULED, "the loan was rescheduled on " + loan.rescheduledOn
                    + "; a rescheduled loan's disbursement stands");
        }
        long standing = LoanRepayment.standing(ledId, loan.id);
        if (standing > 0) {
            throw new ApiException(ProblemType.DISBURSEMENT_HAS_REPAYMENTS, standing + " repayment(s) of this loan "
                    + "stand; reverse them first, latest first");
        }
        LoanRecords.Disbursement disbursement = records.disbursement(ledId, loan.disbursementId);
        PostedEntry reversal = posting.reverseOwnEntry(ledId, disbursement.entryId(), request.reason().strip(),
                request.effectiveDate(), recordedBy);
        Installment.delete("ledId = ?1 and loanId = ?2", ledId, loan.id);
        loan.status = LoanStatus.APPROVED;
        loan.disbursementId = null;
        loan.disbursedOn = null;
        loan.outstandingPrincipal = BigDecimal.ZERO.setScale(2);
        loan.touched(reversal.effectiveDate());
        loan.updatedAt = Timestamps.now();
        LoanReversalView view = new LoanReversalView(Ids.next(), "DISBURSEMENT", disbursement.id(), reversal.id(),
                reversal.effectiveDate(), request.reason().strip(), loan.updatedAt, recordedBy, null);
        records.insertReversal(ledId, view, loan.id);
        return withLoan(view, loans.view(ledId, loan, posting.today(ledId)));
    }

    static LoanReversalView withLoan(LoanReversalView view, LoanView loan) {
        return new LoanReversalView(view.id(), view.target(), view.targetId(), view.entryId(), view.effectiveDate(),
                view.reason(), view.recordedAt(), view.recordedBy(), loan);
    }

    private static DisbursementView view(LoanRecords.Disbursement d, LoanView loan) {
        return new DisbursementView(d.id(), d.entryId(), d.disbursedOn(), Amount.of(d.principal()),
                Amount.of(d.adminFee()), d.paidFrom(), d.feeAccount(), d.recordedAt(), d.recordedBy(), loan);
    }
}
