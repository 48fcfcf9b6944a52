package id.lumbung.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.grant.Grant;
import id.lumbung.ledger.PostingService;
import id.lumbung.loan.product.LoanOffer;
import id.lumbung.loan.product.LoanProduct;
import id.lumbung.loan.quality.Grade;
import id.lumbung.loan.quality.Kolektibilitas;
import id.lumbung.loan.quality.LoanGrades;
import id.lumbung.loan.quality.QualitySetting;
import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.loan.repayment.LoanPosition;
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
 * A loan from application to decision, and the loan as of any day. Maker–checker (DESIGN §6):
 * above the LED's approval threshold the approver must be another person than the applicant.
 */
@ApplicationScoped
public class LoanService {

    /** Loans read and classified at a time when a list is filtered by class. */
    private static final int CLASS_BATCH = 500;

    private final SettingsService settings;
    private final PostingService posting;
    private final LoanPositions positions;
    private final EntityManager entities;
    private final LoanGrades grades;
    private final ScheduleVersions versions;
    private final AuditTrail audit;

    public LoanService(SettingsService settings, PostingService posting, LoanPositions positions,
            EntityManager entities, LoanGrades grades, ScheduleVersions versions, AuditTrail audit) {
        this.audit = audit;
        this.grades = grades;
        this.versions = versions;
        this.settings = settings;
        this.posting = posting;
        this.positions = positions;
        this.entities = entities;
    }

    /** Records an application (APPLIED) after checking member, product, group and grant of this LED. */
    @Transactional
    public LoanView apply(UUID ledId, @NotNull @Valid LoanRequest request, String appliedBy) {
        Loan loan = open(ledId, request, appliedBy, null);
        audit.record(ledId, "loan.applied", "loan", loan.id, applied(loan));
        return LoanView.from(loan, posting.today(ledId), LoanPositions.NOTHING);
    }

    /**
     * The one way a loan is applied for: checks member, product, group and grant of this LED and
     * records the application (APPLIED). A KUB group loan's shares come here too, each with the
     * group loan it belongs to (null for a single loan); the caller's transaction holds them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Loan open(UUID ledId, LoanRequest request, String appliedBy, UUID groupLoanId) {
        UUID memberGroup = memberGroup(ledId, request.memberId());
        LoanProduct product = LoanProduct.find(ledId, request.productId());
        if (product == null) {
            throw unknown(ProblemType.UNKNOWN_PRODUCT, "productId", "no loan product " + request.productId());
        }
        if (!product.active) {
            throw new ApiException(ProblemType.PRODUCT_RETIRED, "loan product '" + product.name + "' is retired",
                    List.of(new Problem.FieldError("productId", "retired; choose an active product")));
        }
        if (request.groupId() != null) {
            requireGroup(ledId, request.groupId(), memberGroup);
        }
        if (request.grantId() != null && Grant.count("ledId = ?1 and id = ?2", ledId, request.grantId()) == 0) {
            throw unknown(ProblemType.UNKNOWN_GRANT, "grantId", "no grant " + request.grantId());
        }
        LoanOffer offer = LoanOffer.of(product, request.principal(), request.installments(), request.interestRate());

        Loan loan = new Loan();
        loan.ledId = ledId;
        loan.id = Ids.next();
        loan.memberId = request.memberId();
        loan.productId = product.id;
        loan.groupId = request.groupId();
        loan.groupLoanId = groupLoanId;
        loan.grantId = request.grantId();
        loan.purpose = request.purpose().strip();
        loan.principal = offer.principal().value();
        loan.installments = offer.installments();
        loan.interestRate = offer.interestRate();
        loan.status = LoanStatus.APPLIED;
        loan.appliedAt = Timestamps.now();
        loan.appliedBy = appliedBy;
        loan.outstandingPrincipal = BigDecimal.ZERO.setScale(2);
        loan.updatedAt = loan.appliedAt;
        loan.persistAndFlush();
        return loan;
    }

    /** APPLIED → APPROVED; above the threshold only by someone other than the applicant (403 approver-is-maker). */
    @Transactional
    public LoanView approve(UUID ledId, UUID loanId, @NotNull @Valid DecisionRequest request, String approvedBy) {
        Loan loan = requireLocked(ledId, loanId);
        requireSingle(loan, "approved");
        approveTogether(ledId, List.of(loan), "a loan", request.note(), approvedBy);
        audit.record(ledId, "loan.approved", "loan", loanId, decision(LoanStatus.APPROVED, request.note()));
        return view(ledId, loan, posting.today(ledId));
    }

    /**
     * APPLIED → APPROVED for loans decided as one (a single loan, or a KUB group loan's shares,
     * locked by the caller): the maker–checker threshold applies to their total principal.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void approveTogether(UUID ledId, List<Loan> locked, String what, String note, String approvedBy) {
        Amount principal = Amount.ZERO;
        for (Loan loan : locked) {
            requireStatus(loan, LoanStatus.APPLIED, "approved");
            principal = principal.plus(Amount.of(loan.principal));
        }
        for (Loan loan : locked) {
            if (approvedBy.equals(loan.appliedBy) && settings.lending(ledId).loanNeedsSecondPerson(principal)) {
                throw new ApiException(ProblemType.APPROVER_IS_MAKER, what + " of " + principal + " is above the "
                        + "LED's approval threshold of " + settings.lending(ledId).approvalThreshold()
                        + ": someone other than its applicant (" + loan.appliedBy + ") must approve it");
            }
        }
        locked.forEach(loan -> decide(loan, LoanStatus.APPROVED, approvedBy, note));
    }

    /** What an application records, for the audit trail. */
    public static Changes applied(Loan loan) {
        return Changes.of().field("status", null, LoanStatus.APPLIED).field("memberId", null, loan.memberId)
                .field("productId", null, loan.productId).field("principal", null, Amount.of(loan.principal))
                .field("installments", null, loan.installments).field("groupLoanId", null, loan.groupLoanId);
    }

    /** What a decision on an application changes, for the audit trail. */
    public static Changes decision(LoanStatus status, String note) {
        return Changes.of().field("status", LoanStatus.APPLIED, status)
                .field("decisionNote", null, note == null || note.isBlank() ? null : note.strip());
    }

    /** APPLIED → REJECTED for loans decided as one (see {@link #approveTogether}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rejectTogether(List<Loan> locked, String reason, String rejectedBy) {
        locked.forEach(loan -> requireStatus(loan, LoanStatus.APPLIED, "rejected"));
        locked.forEach(loan -> decide(loan, LoanStatus.REJECTED, rejectedBy, reason));
    }

    /** APPLIED → REJECTED, with the reason. */
    @Transactional
    public LoanView reject(UUID ledId, UUID loanId, @NotNull @Valid ReasonRequest request, String rejectedBy) {
        if (request.effectiveDate() != null) {
            throw ApiException.invalidField("effectiveDate", "a rejection has no effective date");
        }
        Loan loan = requireLocked(ledId, loanId);
        requireSingle(loan, "rejected");
        rejectTogether(List.of(loan), request.reason(), rejectedBy);
        audit.record(ledId, "loan.rejected", "loan", loanId, decision(LoanStatus.REJECTED, request.reason()));
        return view(ledId, loan, posting.today(ledId));
    }

    /** The loan as of a day (default today in the LED's calendar). */
    @Transactional
    public LoanView get(UUID ledId, UUID loanId, LocalDate asOf) {
        Loan loan = Loan.find(ledId, loanId);
        if (loan == null) {
            throw ApiException.notFound("loan " + loanId);
        }
        return view(ledId, loan, asOf == null ? posting.today(ledId) : asOf);
    }

    /**
     * Loans in the order they were applied for, filtered; each as of the same day. With a class, the
     * loans are read and classified a batch at a time (a fixed number of queries per batch, never
     * one per loan) until the page is full.
     */
    @Transactional
    public Page<LoanView> list(UUID ledId, LoanStatus status, UUID memberId, UUID groupId,
            Kolektibilitas kolektibilitas, LocalDate asOf, int limit, String after) {
        StringBuilder query = new StringBuilder("ledId = :led and id > :after");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("led", ledId, "after", Cursor.afterId(after)));
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (memberId != null) {
            query.append(" and memberId = :member");
            params.put("member", memberId);
        }
        if (groupId != null) {
            query.append(" and groupId = :group");
            params.put("group", groupId);
        }
        LocalDate day = asOf == null ? posting.today(ledId) : asOf;
        QualitySetting setting = grades.setting(ledId, day);
        if (kolektibilitas != null) {
            return listOfClass(query.append(" and latestEventOn is not null").toString(), params, setting,
                    kolektibilitas, day, limit);
        }
        List<Loan> found = Loan.<Loan>find(query + " order by id", params).page(0, limit + 1).list();
        List<Loan> shown = found.size() > limit ? found.subList(0, limit) : found;
        Map<UUID, LoanPosition> standing = positions.asOf(ledId, shown, day);
        Map<UUID, Grade> graded = grades.of(setting, shown, standing, day);
        return Page.of(found, limit, loan -> LoanView.from(loan, day, standing.get(loan.id), graded.get(loan.id)),
                loan -> loan.id.toString());
    }

    private Page<LoanView> listOfClass(String query, Map<String, Object> params, QualitySetting setting,
            Kolektibilitas kolektibilitas, LocalDate day, int limit) {
        UUID ledId = (UUID) params.get("led");
        int batch = Math.max(limit + 1, CLASS_BATCH);
        List<LoanView> matched = new ArrayList<>();
        while (matched.size() <= limit) {
            List<Loan> found = Loan.<Loan>find(query + " order by id", params).page(0, batch).list();
            Map<UUID, LoanPosition> standing = positions.asOf(ledId, found, day);
            Map<UUID, Grade> graded = grades.of(setting, found, standing, day);
            for (Loan loan : found) {
                Grade grade = graded.get(loan.id);
                if (grade != null && grade.kolektibilitas() == kolektibilitas && matched.size() <= limit) {
                    matched.add(LoanView.from(loan, day, standing.get(loan.id), grade));
                }
            }
            if (found.size() < batch) {
                break;
            }
            params.put("after", found.get(found.size() - 1).id);
        }
        return Page.of(matched, limit, view -> view, view -> view.id().toString());
    }

    /** The loans of a member or a group as of today, for their own views; a fixed number of queries. */
    @Transactional
    public List<LoanSummary> ofBorrowers(UUID ledId, UUID memberId, UUID groupId) {
        List<Loan> loans = memberId != null
                ? Loan.<Loan>list("ledId = ?1 and memberId = ?2 order by id", ledId, memberId)
                : Loan.<Loan>list("ledId = ?1 and groupId = ?2 order by id", ledId, groupId);
        LocalDate today = posting.today(ledId);
        Map<UUID, LoanPosition> standing = positions.asOf(ledId, loans, today);
        List<LoanSummary> views = new ArrayList<>(loans.size());
        loans.forEach(loan -> views.add(LoanSummary.from(LoanView.from(loan, today, standing.get(loan.id)))));
        return views;
    }

    /**
     * A schedule version with what has been paid of each installment: the current one (default), or a
     * superseded one as it stood when a reschedule replaced it (404 for a version the loan never had).
     */
    @Transactional
    public ScheduleView schedule(UUID ledId, UUID loanId, Integer version) {
        Loan loan = Loan.find(ledId, loanId);
        if (loan == null) {
            throw ApiException.notFound("loan " + loanId);
        }
        if (loan.disbursementId == null) {
            throw new ApiException(ProblemType.LOAN_STATUS, "the loan is " + loan.status + "; its schedule is fixed "
                    + "at disbursement (POST loan-products/{productId}/schedule-preview shows what it would be)");
        }
        if (version == null || version == loan.scheduleVersion) {
            return ScheduleView.from(Installment.of(ledId, loanId).stream().map(Installment::state).toList());
        }
        List<InstallmentState> archived = version < 1 || version > loan.scheduleVersion
                ? List.of() : versions.archived(ledId, loanId, version);
        if (archived.isEmpty()) {
            throw ApiException.notFound("schedule version " + version + " of loan " + loanId);
        }
        return ScheduleView.from(archived);
    }

    public LoanView view(UUID ledId, Loan loan, LocalDate asOf) {
        return view(ledId, loan, asOf, positions.asOf(ledId, List.of(loan), asOf).get(loan.id));
    }

    /** The loan as of a day from a position already computed, with its class. */
    LoanView view(UUID ledId, Loan loan, LocalDate asOf, LoanPosition position) {
        return LoanView.from(loan, asOf, position, grades.grade(grades.setting(ledId, asOf), loan, position, asOf));
    }

    public static Loan requireLocked(UUID ledId, UUID loanId) {
        Loan loan = Loan.lock(ledId, loanId);
        if (loan == null) {
            throw ApiException.notFound("loan " + loanId);
        }
        return loan;
    }

    /**
     * A KUB group loan's share is decided, disbursed and corrected only with its group loan (one
     * decision, one entry): 409 group-loan-share through the single-loan endpoints.
     */
    static void requireSingle(Loan loan, String action) {
        if (loan.groupLoanId != null) {
            throw new ApiException(ProblemType.GROUP_LOAN_SHARE, "the loan is a member's share of KUB group loan "
                    + loan.groupLoanId + "; it is " + action + " only together with the group loan, through "
                    + "/groups/{groupId}/loans/" + loan.groupLoanId);
        }
    }

    public static void requireStatus(Loan loan, LoanStatus expected, String action) {
        if (loan.status != expected) {
            throw new ApiException(ProblemType.LOAN_STATUS, "the loan is " + loan.status + "; only a " + expected
                    + " loan can be " + action);
        }
    }

    private static void decide(Loan loan, LoanStatus status, String by, String note) {
        loan.status = status;
        loan.decidedAt = Timestamps.now();
        loan.decidedBy = by;
        loan.decisionNote = note == null || note.isBlank() ? null : note.strip();
        loan.updatedAt = loan.decidedAt;
    }

    /** The member's KUB group (null when none); 422 unknown-member when the LED has no such member. */
    private UUID memberGroup(UUID ledId, UUID memberId) {
        List<?> rows = entities.createNativeQuery("SELECT CAST(group_id AS varchar) FROM member"
                + " WHERE led_id = :led AND id = :member")
                .setParameter("led", ledId).setParameter("member", memberId).getResultList();
        if (rows.isEmpty()) {
            throw unknown(ProblemType.UNKNOWN_MEMBER, "memberId", "no member " + memberId);
        }
        Object group = rows.get(0);
        return group == null ? null : UUID.fromString(group.toString());
    }

    private void requireGroup(UUID ledId, UUID groupId, UUID memberGroup) {
        Number count = (Number) entities.createNativeQuery("SELECT count(*) FROM kub_group"
                + " WHERE led_id = :led AND id = :group")
                .setParameter("led", ledId).setParameter("group", groupId).getSingleResult();
        if (count.longValue() == 0) {
            throw unknown(ProblemType.UNKNOWN_GROUP, "groupId", "no KUB group " + groupId);
        }
        if (!groupId.equals(memberGroup)) {
            throw ApiException.invalidField("groupId", "the member is not in this KUB group; a group loan goes to "
                    + "one of the group's own members");
        }
    }

    private static ApiException unknown(ProblemType type, String field, String message) {
        return new ApiException(type, message + " in this LED", List.of(new Problem.FieldError(field,
                message.substring(0, message.lastIndexOf(' ')) + " in this LED")));
    }
}
