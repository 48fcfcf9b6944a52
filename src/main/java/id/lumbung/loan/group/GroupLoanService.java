package id.lumbung.loan.group;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.PostingService;
import id.lumbung.loan.DecisionRequest;
import id.lumbung.loan.DisbursementRequest;
import id.lumbung.loan.DisbursementService;
import id.lumbung.loan.Loan;
import id.lumbung.loan.LoanPositions;
import id.lumbung.loan.LoanRequest;
import id.lumbung.loan.LoanService;
import id.lumbung.loan.LoanStatus;
import id.lumbung.loan.ReasonRequest;
import id.lumbung.loan.quality.Grade;
import id.lumbung.loan.quality.Kolektibilitas;
import id.lumbung.loan.quality.LoanGrades;
import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/**
 * KUB group loans (tanggung renteng) from application to disbursement, and each as of any day.
 * A share is a loan of its own, applied for through {@link LoanService#open} as a single loan is;
 * the group's shares are decided and paid out together, under one decision and one entry.
 */
@ApplicationScoped
public class GroupLoanService {

    /** {@code reference.type} of a group loan's one disbursement entry. */
    public static final String DISBURSEMENT_REFERENCE_TYPE = "GROUP_LOAN_DISBURSEMENT";

    private final LoanService loans;
    private final DisbursementService disbursements;
    private final LoanPositions positions;
    private final PostingService posting;
    private final EntityManager entities;
    private final LoanGrades grades;
    private final AuditTrail audit;

    public GroupLoanService(LoanService loans, DisbursementService disbursements, LoanPositions positions,
            PostingService posting, EntityManager entities, LoanGrades grades, AuditTrail audit) {
        this.audit = audit;
        this.grades = grades;
        this.loans = loans;
        this.disbursements = disbursements;
        this.positions = positions;
        this.posting = posting;
        this.entities = entities;
    }

    /**
     * Records the group's application: one APPLIED loan a share, each checked as a single loan is
     * (product, bounds, grant), every member in the group and none twice (422, nothing written).
     */
    @Transactional
    public GroupLoanView apply(UUID ledId, UUID groupId, @NotNull @Valid GroupLoanRequest request,
            String appliedBy) {
        requireGroup(ledId, groupId);
        List<GroupLoanRequest.Share> shares = request.shares();
        if (shares.isEmpty()) {
            throw new ApiException(ProblemType.NO_SHARES, "a group loan needs at least one member's share",
                    List.of(new Problem.FieldError("shares", "at least one share")));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < shares.size(); i++) {
            if (!seen.add(shares.get(i).memberId())) {
                throw shareProblem(ProblemType.DUPLICATE_SHARE, i, "the member has another share in this group "
                        + "loan; one share a member");
            }
        }
        Map<UUID, UUID> groupOf = memberGroups(ledId, seen);
        for (int i = 0; i < shares.size(); i++) {
            UUID member = shares.get(i).memberId();
            if (!groupOf.containsKey(member)) {
                throw shareProblem(ProblemType.UNKNOWN_MEMBER, i, "no member " + member + " in this LED");
            }
            if (!groupId.equals(groupOf.get(member))) {
                throw shareProblem(ProblemType.MEMBER_NOT_IN_GROUP, i, "the member is not in this KUB group; "
                        + "every share is a member of the group's own");
            }
        }
        GroupLoan group = new GroupLoan();
        group.ledId = ledId;
        group.id = Ids.next();
        group.groupId = groupId;
        group.productId = request.productId();
        group.grantId = request.grantId();
        group.purpose = request.purpose().strip();
        group.principal = shares.stream().map(s -> s.principal().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        group.shares = shares.size();
        group.appliedAt = Timestamps.now();
        group.appliedBy = appliedBy;
        // Each share is checked as a single application (product, bounds, grant) before the group row
        // is written; the shares' key to it is checked at commit.
        List<Loan> opened = new ArrayList<>();
        for (GroupLoanRequest.Share share : shares) {
            opened.add(loans.open(ledId, shareRequest(request, share, groupId), appliedBy, group.id));
        }
        group.persist();
        audit.record(ledId, "group-loan.applied", "group-loan", group.id, Changes.of()
                .field("status", null, LoanStatus.APPLIED).field("groupId", null, groupId)
                .field("productId", null, group.productId).field("principal", null, Amount.of(group.principal))
                .field("shares", null, group.shares));
        return view(ledId, group, opened, posting.today(ledId));
    }

    /**
     * APPLIED → APPROVED for every share at once (led-manager). Maker–checker on the group's total
     * principal, as for a single loan: above the threshold the applicant may not approve it.
     */
    @Transactional
    public GroupLoanView approve(UUID ledId, UUID groupId, UUID groupLoanId, @NotNull @Valid DecisionRequest request,
            String approvedBy) {
        GroupLoan group = require(ledId, groupId, groupLoanId);
        List<Loan> shares = lockShares(ledId, group.id);
        loans.approveTogether(ledId, shares, "a KUB group loan", request.note(), approvedBy);
        audit.record(ledId, "group-loan.approved", "group-loan", group.id,
                LoanService.decision(LoanStatus.APPROVED, request.note()));
        return view(ledId, group, shares, posting.today(ledId));
    }

    /** APPLIED → REJECTED for every share at once, with the reason. */
    @Transactional
    public GroupLoanView reject(UUID ledId, UUID groupId, UUID groupLoanId, @NotNull @Valid ReasonRequest request,
            String rejectedBy) {
        if (request.effectiveDate() != null) {
            throw ApiException.invalidField("effectiveDate", "a rejection has no effective date");
        }
        GroupLoan group = require(ledId, groupId, groupLoanId);
        List<Loan> shares = lockShares(ledId, group.id);
        loans.rejectTogether(shares, request.reason(), rejectedBy);
        audit.record(ledId, "group-loan.rejected", "group-loan", group.id,
                LoanService.decision(LoanStatus.REJECTED, request.reason()));
        return view(ledId, group, shares, posting.today(ledId));
    }

    /**
     * APPROVED → DISBURSED for every share in one LOAN_DISBURSEMENT entry: Dr 1-1300 for the total ·
     * Cr the paying account, Dr the collection account · Cr 4-1200 for the shares' fees together.
     */
    @Transactional
    public GroupDisbursementView disburse(UUID ledId, UUID groupId, UUID groupLoanId,
            @NotNull @Valid DisbursementRequest request, String recordedBy) {
        GroupLoan group = require(ledId, groupId, groupLoanId);
        List<Loan> shares = lockShares(ledId, group.id);
        DisbursementService.Paid paid = disbursements.disburseTogether(ledId, shares, request, recordedBy,
                "Pencairan pinjaman " + groupName(ledId, groupId) + " (tanggung renteng, " + shares.size()
                        + " anggota): " + group.purpose,
                new EntryDraft.Reference(DISBURSEMENT_REFERENCE_TYPE, group.id));
        group.disbursementEntryId = paid.entry().id();
        Amount fee = Amount.ZERO;
        for (var d : paid.disbursements()) {
            fee = fee.plus(Amount.of(d.adminFee()));
        }
        var first = paid.disbursements().get(0);
        return new GroupDisbursementView(paid.entry().id(), request.disbursedOn(), Amount.of(group.principal), fee,
                first.paidFrom(), first.feeAccount(), first.recordedAt(), recordedBy,
                view(ledId, group, shares, posting.today(ledId)));
    }

    /** The group loan as of a day (default today). */
    @Transactional
    public GroupLoanView get(UUID ledId, UUID groupId, UUID groupLoanId, LocalDate asOf) {
        GroupLoan group = require(ledId, groupId, groupLoanId);
        return view(ledId, group, shares(ledId, List.of(group.id)).getOrDefault(group.id, List.of()),
                asOf == null ? posting.today(ledId) : asOf);
    }

    /** The group's loans in the order they were applied for, each as of the same day; a fixed number of queries. */
    @Transactional
    public Page<GroupLoanView> list(UUID ledId, UUID groupId, LocalDate asOf, int limit, String after) {
        requireGroup(ledId, groupId);
        List<GroupLoan> found = GroupLoan.<GroupLoan>find("ledId = ?1 and groupId = ?2 and id > ?3 order by id",
                ledId, groupId, Cursor.afterId(after)).page(0, limit + 1).list();
        LocalDate day = asOf == null ? posting.today(ledId) : asOf;
        List<GroupLoan> shown = found.size() > limit ? found.subList(0, limit) : found;
        Map<UUID, GroupLoanView> views = views(ledId, shown, day);
        return Page.of(found, limit, group -> views.get(group.id), group -> group.id.toString());
    }

    /** The group's loans as of today, for the group's own view. */
    @Transactional
    public List<GroupLoanView> ofGroup(UUID ledId, UUID groupId) {
        List<GroupLoan> found = GroupLoan.list("ledId = ?1 and groupId = ?2 order by id", ledId, groupId);
        Map<UUID, GroupLoanView> views = views(ledId, found, posting.today(ledId));
        return found.stream().map(group -> views.get(group.id)).toList();
    }

    /** 404 unless the LED has this group and the group this group loan. */
    GroupLoan require(UUID ledId, UUID groupId, UUID groupLoanId) {
        GroupLoan group = GroupLoan.find(ledId, groupId, groupLoanId);
        if (group == null) {
            requireGroup(ledId, groupId);
            throw ApiException.notFound("group loan " + groupLoanId);
        }
        return group;
    }

    /**
     * The shares locked in the order of their ids, the one order every path that locks several
     * loans takes, so that racing group and single movements queue instead of deadlocking.
     */
    List<Loan> lockShares(UUID ledId, UUID groupLoanId) {
        List<Loan> locked = new ArrayList<>();
        for (UUID id : shareIds(ledId, groupLoanId)) {
            locked.add(Loan.lock(ledId, id));
        }
        return locked;
    }

    /** The ids of the group loan's shares in ascending order, the order they are locked in. */
    List<UUID> shareIds(UUID ledId, UUID groupLoanId) {
        List<?> rows = entities.createNativeQuery("SELECT CAST(id AS varchar) FROM loan"
                + " WHERE led_id = :led AND group_loan_id = :group ORDER BY id")
                .setParameter("led", ledId).setParameter("group", groupLoanId).getResultList();
        return rows.stream().map(row -> UUID.fromString(row.toString())).toList();
    }

    String groupName(UUID ledId, UUID groupId) {
        List<?> rows = entities.createNativeQuery("SELECT name FROM kub_group WHERE led_id = ?1 AND id = ?2")
                .setParameter(1, ledId).setParameter(2, groupId).getResultList();
        return rows.isEmpty() ? "KUB" : rows.get(0).toString();
    }

    GroupLoanView view(UUID ledId, GroupLoan group, List<Loan> shares, LocalDate asOf) {
        Map<UUID, LoanPosition> standing = positions.asOf(ledId, shares, asOf);
        return view(group, shares, standing, grades(ledId, shares, standing, asOf), names(ledId, shares), asOf);
    }

    /** The shares' classes as of the day (shares without a class that day are left out). */
    Map<UUID, Grade> grades(UUID ledId, List<Loan> shares, Map<UUID, LoanPosition> standing, LocalDate asOf) {
        return grades.of(ledId, shares, standing, asOf);
    }

    /** Views of several group loans as of one day, in a fixed number of queries. */
    private Map<UUID, GroupLoanView> views(UUID ledId, List<GroupLoan> groups, LocalDate asOf) {
        Map<UUID, List<Loan>> shares = shares(ledId, groups.stream().map(g -> g.id).toList());
        List<Loan> all = shares.values().stream().flatMap(List::stream).toList();
        Map<UUID, LoanPosition> standing = positions.asOf(ledId, all, asOf);
        Map<UUID, String> names = names(ledId, all);
        Map<UUID, Grade> graded = grades(ledId, all, standing, asOf);
        Map<UUID, GroupLoanView> views = new HashMap<>();
        for (GroupLoan group : groups) {
            views.put(group.id, view(group, shares.getOrDefault(group.id, List.of()), standing, graded, names,
                    asOf));
        }
        return views;
    }

    /** The group's kolektibilitas is its worst share's: joint liability answers for every member. */
    static GroupLoanView view(GroupLoan group, List<Loan> shares, Map<UUID, LoanPosition> standing,
            Map<UUID, Grade> graded, Map<UUID, String> names, LocalDate asOf) {
        List<Loan> ordered = shares;
        List<GroupLoanView.Share> views = new ArrayList<>(ordered.size());
        Amount outstanding = Amount.ZERO;
        Amount arrears = Amount.ZERO;
        int daysPastDue = 0;
        int inArrears = 0;
        Kolektibilitas worst = null;
        for (Loan loan : ordered) {
            LoanPosition p = standing.getOrDefault(loan.id, LoanPositions.NOTHING);
            Grade grade = graded.get(loan.id);
            Kolektibilitas kolektibilitas = grade == null ? null : grade.kolektibilitas();
            if (kolektibilitas != null && (worst == null || kolektibilitas.compareTo(worst) > 0)) {
                worst = kolektibilitas;
            }
            boolean late = p.installmentsInArrears() > 0;
            views.add(new GroupLoanView.Share(loan.id, loan.memberId, names.getOrDefault(loan.memberId, "anggota"),
                    loan.status, Amount.of(loan.principal), p.outstandingPrincipal(), p.interestDue(),
                    p.penaltyDue(), p.daysPastDue(), p.installmentsInArrears(), p.arrearsAmount(), late,
                    p.nextDueOn(), p.nextDueAmount(), kolektibilitas));
            outstanding = outstanding.plus(p.outstandingPrincipal());
            arrears = arrears.plus(p.arrearsAmount());
            daysPastDue = Math.max(daysPastDue, p.daysPastDue());
            inArrears += late ? 1 : 0;
        }
        Loan first = ordered.isEmpty() ? null : ordered.get(0);
        return new GroupLoanView(group.id, group.groupId, group.productId, group.grantId, group.purpose,
                status(ordered), Amount.of(group.principal), group.appliedAt, group.appliedBy,
                first == null ? null : first.decidedAt, first == null ? null : first.decidedBy,
                first == null ? null : first.decisionNote, first == null ? null : first.disbursedOn,
                group.disbursementEntryId, asOf, outstanding, arrears, daysPastDue, inArrears, worst, views);
    }

    /** The shares' common status; DISBURSED while any share still owes once they were paid out. */
    static LoanStatus status(List<Loan> shares) {
        if (shares.isEmpty()) {
            return LoanStatus.APPLIED;
        }
        LoanStatus first = shares.get(0).status;
        if (shares.stream().allMatch(loan -> loan.status == first)) {
            return first;
        }
        if (shares.stream().anyMatch(loan -> loan.status == LoanStatus.DISBURSED)) {
            return LoanStatus.DISBURSED;
        }
        // Nothing runs any more: repaid shares and written-off ones; a loss shows over a repayment.
        return shares.stream().anyMatch(loan -> loan.status == LoanStatus.WRITTEN_OFF) ? LoanStatus.WRITTEN_OFF : first;
    }

    private static Map<UUID, List<Loan>> shares(UUID ledId, List<UUID> groupLoanIds) {
        Map<UUID, List<Loan>> shares = new HashMap<>();
        if (!groupLoanIds.isEmpty()) {
            Loan.<Loan>list("ledId = ?1 and groupLoanId in ?2 order by id", ledId, groupLoanIds)
                    .forEach(loan -> shares.computeIfAbsent(loan.groupLoanId, id -> new ArrayList<>()).add(loan));
        }
        return shares;
    }

    Map<UUID, String> names(UUID ledId, List<Loan> shares) {
        Map<UUID, String> names = new HashMap<>();
        if (shares.isEmpty()) {
            return names;
        }
        List<?> rows = entities.createNativeQuery("SELECT CAST(id AS varchar), name FROM member"
                + " WHERE led_id = :led AND id IN (:ids)").setParameter("led", ledId)
                .setParameter("ids", shares.stream().map(loan -> loan.memberId).distinct().toList()).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            names.put(UUID.fromString(columns[0].toString()), columns[1].toString());
        }
        return names;
    }

    private void requireGroup(UUID ledId, UUID groupId) {
        Number count = (Number) entities.createNativeQuery("SELECT count(*) FROM kub_group"
                + " WHERE led_id = :led AND id = :group")
                .setParameter("led", ledId).setParameter("group", groupId).getSingleResult();
        if (count.longValue() == 0) {
            throw ApiException.notFound("KUB group " + groupId);
        }
    }

    /** Each member's group (absent: no such member in the LED; null value: in no group). */
    private Map<UUID, UUID> memberGroups(UUID ledId, Set<UUID> members) {
        Map<UUID, UUID> groups = new HashMap<>();
        List<?> rows = entities.createNativeQuery("SELECT CAST(id AS varchar), CAST(group_id AS varchar) FROM member"
                + " WHERE led_id = :led AND id IN (:ids)").setParameter("led", ledId)
                .setParameter("ids", List.copyOf(members)).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            groups.put(UUID.fromString(columns[0].toString()),
                    columns[1] == null ? null : UUID.fromString(columns[1].toString()));
        }
        return groups;
    }

    private static LoanRequest shareRequest(GroupLoanRequest request, GroupLoanRequest.Share share, UUID groupId) {
        return new LoanRequest(share.memberId(), request.productId(), share.principal(), null, null, groupId,
                request.grantId(), request.purpose());
    }

    private static ApiException shareProblem(ProblemType type, int index, String message) {
        String field = "shares[" + index + "].memberId";
        return new ApiException(type, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }
}
