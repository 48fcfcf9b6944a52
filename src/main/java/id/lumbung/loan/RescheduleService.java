package id.lumbung.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.ledger.JournalHead;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.loan.product.ProductTerms;
import id.lumbung.loan.product.ProductTermsCatalog;
import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.loan.reschedule.Restructuring;
import id.lumbung.loan.schedule.LoanTerms;
import id.lumbung.loan.schedule.PeriodRate;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.time.Timestamps;

/**
 * Rescheduling (restrukturisasi) a disbursed loan: its schedule from {@code on} is replaced by a
 * new version over the outstanding principal (see {@link Restructuring} for what carries over).
 * No money moves, so no journal entry is posted; 1-1300 still equals the loans' outstanding
 * principal. Maker–checker as for approval: above the LED's approval threshold (by outstanding
 * principal) the request waits for a second manager.
 */
@ApplicationScoped
public class RescheduleService {

    private final PostingService posting;
    private final PostingRules rules;
    private final ProductTermsCatalog products;
    private final ScheduleVersions versions;
    private final PendingRequests pending;
    private final LoanService loans;
    private final AuditTrail audit;

    public RescheduleService(PostingService posting, PostingRules rules, ProductTermsCatalog products,
            ScheduleVersions versions, PendingRequests pending, LoanService loans, AuditTrail audit) {
        this.audit = audit;
        this.posting = posting;
        this.rules = rules;
        this.products = products;
        this.versions = versions;
        this.pending = pending;
        this.loans = loans;
    }

    /** Applies the reschedule at once, or holds it for a second manager (status PENDING_APPROVAL). */
    @Transactional
    public RescheduleView request(UUID ledId, UUID loanId, @NotNull @Valid RescheduleRequest request,
            String requestedBy) {
        Loan loan = LoanService.requireLocked(ledId, loanId);
        List<InstallmentState> current = check(ledId, loan, request);
        pending.requireNoneOpen(ledId, loanId);
        Amount outstanding = Amount.of(loan.outstandingPrincipal);
        if (pending.needsSecondPerson(ledId, outstanding)) {
            LoanPendingRequest held = pending.hold(ledId, loanId, LoanPendingRequest.Action.RESCHEDULE, request,
                    outstanding, requestedBy);
            audit.record(ledId, "reschedule.requested", "loan-pending-request", held.id, Changes.of()
                    .field("status", null, held.status).field("loanId", null, loanId)
                    .field("outstandingPrincipal", null, outstanding));
            return RescheduleView.waiting(held, request, rate(loan, request),
                    loans.view(ledId, loan, posting.today(ledId)));
        }
        ScheduleVersions.Version version = apply(ledId, loan, current, request, requestedBy, null);
        audit.record(ledId, "loan.rescheduled", "loan", loanId, rescheduled(version));
        return RescheduleView.applied(version, null, loans.view(ledId, loan, posting.today(ledId)));
    }

    /** What a reschedule changes on the loan, for the audit trail. */
    private static Changes rescheduled(ScheduleVersions.Version version) {
        return Changes.of().field("scheduleVersion", version.version() - 1, version.version())
                .field("installments", version.fromInstallments(), version.installments())
                .field("interestRate", version.fromInterestRate(), version.interestRate())
                .field("startsOn", null, version.startsOn());
    }

    /** A second manager approves the waiting request: it is checked again and applied as requested. */
    @Transactional
    public RescheduleView approve(UUID ledId, UUID loanId, @NotNull @Valid DecisionRequest decision,
            String approvedBy) {
        Loan loan = LoanService.requireLocked(ledId, loanId);
        LoanPendingRequest held = pending.requireOpen(ledId, loanId, LoanPendingRequest.Action.RESCHEDULE);
        RescheduleRequest request = pending.approve(held, RescheduleRequest.class, approvedBy, decision.note());
        List<InstallmentState> current = check(ledId, loan, request);
        ScheduleVersions.Version version = apply(ledId, loan, current, request, held.requestedBy, approvedBy);
        audit.record(ledId, "reschedule.approved", "loan-pending-request", held.id, Changes.of()
                .field("status", LoanPendingRequest.Status.PENDING, held.status)
                .field("loanId", null, loanId)
                .field("decisionNote", null, held.decisionNote));
        audit.record(ledId, "loan.rescheduled", "loan", loanId, rescheduled(version));
        return RescheduleView.applied(version, held, loans.view(ledId, loan, posting.today(ledId)));
    }

    /** Any manager rejects the waiting request, with the reason; nothing else changes. */
    @Transactional
    public RescheduleView reject(UUID ledId, UUID loanId, @NotNull @Valid ReasonRequest decision,
            String rejectedBy) {
        if (decision.effectiveDate() != null) {
            throw ApiException.invalidField("effectiveDate", "a rejection has no effective date");
        }
        Loan loan = LoanService.requireLocked(ledId, loanId);
        LoanPendingRequest held = pending.requireOpen(ledId, loanId, LoanPendingRequest.Action.RESCHEDULE);
        pending.reject(held, rejectedBy, decision.reason());
        audit.record(ledId, "reschedule.rejected", "loan-pending-request", held.id, Changes.of()
                .field("status", LoanPendingRequest.Status.PENDING, held.status)
                .field("loanId", null, loanId)
                .field("decisionNote", null, held.decisionNote));
        RescheduleRequest request = pending.read(held, RescheduleRequest.class);
        return RescheduleView.waiting(held, request, rate(loan, request),
                loans.view(ledId, loan, posting.today(ledId)));
    }

    /** The loan's reschedule request waiting for a second manager; 404 when none waits. */
    @Transactional
    public RescheduleView waiting(UUID ledId, UUID loanId) {
        Loan loan = Loan.find(ledId, loanId);
        if (loan == null) {
            throw ApiException.notFound("loan " + loanId);
        }
        LoanPendingRequest held = pending.requireOpen(ledId, loanId, LoanPendingRequest.Action.RESCHEDULE);
        RescheduleRequest request = pending.read(held, RescheduleRequest.class);
        return RescheduleView.waiting(held, request, rate(loan, request), null);
    }

    /** The rules a reschedule must meet on the loan as it stands; the current installments when it does. */
    private List<InstallmentState> check(UUID ledId, Loan loan, RescheduleRequest request) {
        LoanService.requireStatus(loan, LoanStatus.DISBURSED, "rescheduled");
        int grace = request.graceInstallments() == null ? 0 : request.graceInstallments();
        if (grace >= request.installments()) {
            throw ApiException.invalidField("graceInstallments", "must be fewer than installments ("
                    + request.installments() + ")");
        }
        rules.requireNotInFuture(ledId, request.on(), "on");
        LocalDate latest = loan.latestEventOn.isAfter(loan.disbursedOn) ? loan.latestEventOn : loan.disbursedOn;
        if (request.on().isBefore(latest)) {
            throw new ApiException(ProblemType.RESCHEDULE_BEFORE_LATEST_EVENT, "on: " + request.on() + " is before "
                    + latest + ", the latest day a disbursement, repayment, reversal or reschedule of the loan is "
                    + "dated", List.of(new Problem.FieldError("on", "must not be before " + latest)));
        }
        // A reschedule changes the loan as of every day from `on`: not inside a closed period. Shared lock:
        // a racing close waits (the loan is locked first, then the journal head, as everywhere).
        JournalHead head = JournalHead.findById(ledId, LockModeType.PESSIMISTIC_READ);
        if (head != null && head.closedThrough != null && !request.on().isAfter(head.closedThrough)) {
            throw new ApiException(ProblemType.PERIOD_CLOSED, "books of this LED are closed through "
                    + head.closedThrough + "; a reschedule on " + request.on() + " would change the loan inside it");
        }
        List<InstallmentState> current = Installment.of(ledId, loan.id).stream().map(Installment::state).toList();
        if (!Restructuring.hasPrincipal(current)) {
            throw new ApiException(ProblemType.NOTHING_TO_RESCHEDULE, "the loan owes no principal any more; "
                    + "what is left is interest or penalty due, paid as it is");
        }
        return current;
    }

    private ScheduleVersions.Version apply(UUID ledId, Loan loan, List<InstallmentState> current,
            RescheduleRequest request, String requestedBy, String approvedBy) {
        ProductTerms product = products.of(ledId, loan.productId);
        BigDecimal rate = rate(loan, request);
        int grace = request.graceInstallments() == null ? 0 : request.graceInstallments();
        LoanTerms terms = new LoanTerms(product.interestMethod(), new PeriodRate(rate, product.ratePeriod(),
                product.frequency()), request.installments(), grace, LoanTermsOf.rounding(loan));
        Restructuring.Result result = Restructuring.reschedule(current, LoanTermsOf.repayment(loan, product), terms,
                request.on());

        int version = loan.scheduleVersion + 1;
        ScheduleVersions.Version row = new ScheduleVersions.Version(loan.id, version, request.on(),
                result.outstandingPrincipal().value(), request.installments(), rate, grace, loan.installments,
                loan.interestRate, result.carriedInterest().value(), result.carriedPenalty().value(),
                result.daysPastDue(), result.missedInstallments(), loan.repaymentCount, request.reason().strip(),
                requestedBy, approvedBy, Timestamps.now());
        versions.archive(ledId, loan.id, loan.scheduleVersion, current);
        versions.insert(ledId, row);
        // The rows are this session's (read by the check): changed in place, the surplus deleted or added.
        List<Installment> rows = Installment.of(ledId, loan.id);
        List<InstallmentState> next = result.installments();
        for (int k = 0; k < Math.max(rows.size(), next.size()); k++) {
            if (k >= next.size()) {
                rows.get(k).delete();
            } else if (k >= rows.size()) {
                Installment.create(ledId, loan.id, next.get(k)).persist();
            } else {
                rows.get(k).dueOn = next.get(k).dueOn();
                rows.get(k).apply(next.get(k));
            }
        }

        loan.scheduleVersion = version;
        loan.rescheduledOn = request.on();
        loan.carriedInterest = result.carriedInterest().value();
        loan.installments = request.installments();
        loan.interestRate = rate;
        loan.touched(request.on());
        loan.updatedAt = row.recordedAt();
        Installment.flush();
        return row;
    }

    private static BigDecimal rate(Loan loan, RescheduleRequest request) {
        return request.interestRate() == null ? loan.interestRate : request.interestRate();
    }
}
