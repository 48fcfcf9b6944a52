package id.lumbung.loan.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.loan.Loan;
import id.lumbung.loan.LoanPositions;
import id.lumbung.loan.LoanRepayment;
import id.lumbung.loan.LoanStatus;
import id.lumbung.loan.ReasonRequest;
import id.lumbung.loan.RepaymentService;
import id.lumbung.loan.RepaymentView;
import id.lumbung.loan.repayment.Allocator;
import id.lumbung.loan.repayment.InstallmentState;
import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/**
 * A KUB group paying together (tanggung renteng): one payment spread over the members' shares by
 * {@link ShareSplit}, each share's part allocated as a single repayment of that loan is, and one
 * REPAYMENT entry for all of it. The shares are locked in the order of their ids before anything
 * is read, so group payments and single payments of the same shares queue instead of deadlocking
 * or over-allocating.
 */
@ApplicationScoped
public class GroupRepaymentService {

    /** {@code reference.type} of a group payment's one entry. */
    public static final String REFERENCE_TYPE = "GROUP_LOAN_REPAYMENT";

    private final GroupLoanService groups;
    private final RepaymentService repayments;
    private final LoanPositions positions;
    private final PostingService posting;
    private final PostingRules rules;
    private final DataSource dataSource;

    public GroupRepaymentService(GroupLoanService groups, RepaymentService repayments, LoanPositions positions,
            PostingService posting, PostingRules rules, DataSource dataSource) {
        this.groups = groups;
        this.repayments = repayments;
        this.positions = positions;
        this.posting = posting;
        this.rules = rules;
        this.dataSource = dataSource;
    }

    /**
     * Spreads the payment over the shares and books it in one entry: Dr the receiving account ·
     * Cr 4-1300 Penalty · Cr 4-1100 Interest · Cr 1-1300 Loans receivable, the shares' parts
     * together. More than the shares owe together that day: 409 repayment-exceeds-outstanding.
     */
    @Transactional
    public GroupRepaymentView record(UUID ledId, UUID groupId, UUID groupLoanId,
            @NotNull @Valid GroupRepaymentRequest request, String recordedBy) {
        GroupLoan group = groups.require(ledId, groupId, groupLoanId);
        String groupName = groups.groupName(ledId, groupId);
        try (Connection connection = dataSource.getConnection()) {
            return record(connection, ledId, group, groupName, request, recordedBy);
        } catch (SQLException e) {
            throw new IllegalStateException("recording a group repayment failed: SQL state " + e.getSQLState(), e);
        }
    }

    private GroupRepaymentView record(Connection connection, UUID ledId, GroupLoan group, String groupName,
            GroupRepaymentRequest request, String recordedBy) throws SQLException {
        List<RepaymentService.Payable> shares = new ArrayList<>();
        for (UUID id : groups.shareIds(ledId, group.id)) {
            shares.add(repayments.lockForPayment(connection, ledId, id));
        }
        List<RepaymentService.Payable> open = shares.stream()
                .filter(share -> share.loan().status == LoanStatus.DISBURSED).toList();
        if (open.isEmpty()) {
            LoanStatus status = GroupLoanService.status(shares.stream().map(RepaymentService.Payable::loan).toList());
            throw new ApiException(ProblemType.LOAN_STATUS, status == LoanStatus.CLOSED
                    ? "the group loan is CLOSED: every share is repaid"
                    : "the group loan is " + status + "; only a DISBURSED group loan takes repayments");
        }
        rules.requirePositive(request.amount(), "amount");
        rules.requireNotInFuture(ledId, request.paidOn(), "paidOn");
        open.forEach(share -> RepaymentService.requireNotBeforeDisbursement(share.loan(), request.paidOn()));
        int forShare = -1;
        if (request.forMember() != null) {
            for (int i = 0; i < shares.size(); i++) {
                if (shares.get(i).loan().memberId.equals(request.forMember())) {
                    forShare = i;
                }
            }
            if (forShare < 0) {
                throw ApiException.invalidField("for", "no share of this group loan is this member's");
            }
        }
        String account = repayments.collectionAccount(ledId, request.account());

        List<ShareSplit.Claim> claims = new ArrayList<>();
        for (RepaymentService.Payable share : shares) {
            claims.add(share.loan().status == LoanStatus.DISBURSED ? claim(share, request.paidOn())
                    : new ShareSplit.Claim(Amount.ZERO, Amount.ZERO));
        }
        Amount payable = ShareSplit.payable(claims);
        if (request.amount().compareTo(payable) > 0) {
            throw new ApiException(ProblemType.REPAYMENT_EXCEEDS_OUTSTANDING, "the group's shares owe " + payable
                    + " in all on " + request.paidOn() + " (principal, interest and penalty due); "
                    + request.amount() + " is more");
        }
        List<Amount> split = ShareSplit.split(claims, request.amount(), forShare, open.get(0).terms().rounding());

        List<RepaymentService.Part> parts = new ArrayList<>();
        Map<UUID, List<InstallmentState>> after = new HashMap<>();
        for (int i = 0; i < shares.size(); i++) {
            RepaymentService.Payable share = shares.get(i);
            after.put(share.loan().id, share.installments());
            if (split.get(i).isPositive()) {
                RepaymentService.Part part = repayments.apply(connection, share, split.get(i), request.paidOn(),
                        account, recordedBy);
                parts.add(part);
                after.put(share.loan().id, part.allocation().after());
            }
        }

        GroupRepayment repayment = new GroupRepayment();
        repayment.ledId = ledId;
        repayment.id = Ids.next();
        repayment.groupLoanId = group.id;
        repayment.seq = nextSequence(connection, ledId, group.id);
        repayment.amount = request.amount().value();
        repayment.paidOn = request.paidOn();
        repayment.account = account;
        repayment.forMemberId = request.forMember();
        PostedEntry entry = posting.post(new EntryDraft(ledId, request.paidOn(), EntryKind.REPAYMENT,
                "Angsuran tanggung renteng " + groupName + " ke-" + repayment.seq,
                new EntryDraft.Reference(REFERENCE_TYPE, repayment.id), null,
                repayments.lines(ledId, account, request.amount(), parts)), recordedBy);
        repayment.entryId = entry.id();
        repayment.recordedAt = Timestamps.now();
        repayment.recordedBy = recordedBy;
        repayment.persistAndFlush();
        for (RepaymentService.Part part : parts) {
            repayments.insert(connection, part, entry.id(), repayment.id);
        }

        // Everything dated on the shares is on or before today: the answer needs no read.
        LocalDate today = posting.today(ledId);
        List<Loan> loans = shares.stream().map(RepaymentService.Payable::loan).toList();
        Map<UUID, LoanPosition> standing = new HashMap<>();
        loans.forEach(loan -> standing.put(loan.id, positions.current(loan, after.get(loan.id), today)));
        GroupLoanView view = GroupLoanService.view(group, loans, standing, groups.grades(ledId, loans, standing, today),
                groups.names(ledId, loans), today);
        return view(repayment, parts.stream().map(RepaymentService.Part::repayment).toList(), loans, null, view);
    }

    /** What a share owes on the day: its amount due (installments due by then) and everything it can take. */
    static ShareSplit.Claim claim(RepaymentService.Payable share, LocalDate paidOn) {
        Amount payable = Allocator.payable(share.installments(), share.terms(), paidOn);
        Amount notYetDue = Amount.ZERO;
        for (InstallmentState s : share.installments()) {
            if (s.dueOn().isAfter(paidOn)) {
                notYetDue = notYetDue.plus(s.unpaidPrincipal());
            }
        }
        return new ShareSplit.Claim(payable.minus(notYetDue), payable);
    }

    /**
     * Reverses a group payment (a bounced transfer): its one entry is reversed and every share it
     * paid returns to what it was before it. Only while it is the latest standing repayment of
     * every share it paid (409 repayment-not-latest), once (409 repayment-already-reversed).
     */
    @Transactional
    public GroupRepaymentReversalView reverse(UUID ledId, UUID groupId, UUID groupLoanId, UUID groupRepaymentId,
            @NotNull @Valid ReasonRequest request, String recordedBy) {
        GroupLoan group = groups.require(ledId, groupId, groupLoanId);
        List<Loan> shares = groups.lockShares(ledId, group.id);
        GroupRepayment repayment = GroupRepayment.<GroupRepayment>find("ledId = ?1 and id = ?2 and groupLoanId = ?3",
                ledId, groupRepaymentId, group.id).firstResult();
        if (repayment == null) {
            throw ApiException.notFound("group repayment " + groupRepaymentId);
        }
        if (GroupRepaymentReversal.count("ledId = ?1 and groupRepaymentId = ?2", ledId, repayment.id) > 0) {
            throw new ApiException(ProblemType.REPAYMENT_ALREADY_REVERSED, "group repayment " + repayment.seq
                    + " was already reversed");
        }
        List<LoanRepayment> parts = LoanRepayment.list("ledId = ?1 and groupRepaymentId = ?2", ledId, repayment.id);
        parts.forEach(part -> repayments.requireReversible(ledId, part));
        String reason = request.reason().strip();
        PostedEntry reversal = posting.reverseOwnEntry(ledId, repayment.entryId, reason, request.effectiveDate(),
                recordedBy);
        Map<UUID, Loan> byId = new HashMap<>();
        shares.forEach(loan -> byId.put(loan.id, loan));
        for (LoanRepayment part : parts) {
            repayments.restore(ledId, byId.get(part.loanId), part, reversal, reason, recordedBy);
        }
        GroupRepaymentReversal row = new GroupRepaymentReversal();
        row.ledId = ledId;
        row.id = Ids.next();
        row.groupRepaymentId = repayment.id;
        row.effectiveDate = reversal.effectiveDate();
        row.reason = reason;
        row.entryId = reversal.id();
        row.recordedAt = Timestamps.now();
        row.recordedBy = recordedBy;
        row.persist();
        return new GroupRepaymentReversalView(row.id, repayment.id, row.entryId, row.effectiveDate, reason,
                row.recordedAt, recordedBy, groups.view(ledId, group, shares, posting.today(ledId)));
    }

    /** The group loan's payments in the order they were recorded, each with its split. */
    @Transactional
    public Page<GroupRepaymentView> list(UUID ledId, UUID groupId, UUID groupLoanId, int limit, String after) {
        GroupLoan group = groups.require(ledId, groupId, groupLoanId);
        long afterSeq = after == null ? 0 : Cursor.decodeLong(after);
        List<GroupRepayment> found = GroupRepayment.<GroupRepayment>find("ledId = ?1 and groupLoanId = ?2 and seq > ?3 "
                + "order by seq", ledId, group.id, (int) afterSeq).page(0, limit + 1).list();
        List<GroupRepayment> shown = found.size() > limit ? found.subList(0, limit) : found;
        Map<UUID, List<LoanRepayment>> parts = new HashMap<>();
        Map<UUID, UUID> reversedBy = new HashMap<>();
        if (!shown.isEmpty()) {
            List<UUID> ids = shown.stream().map(r -> r.id).toList();
            LoanRepayment.<LoanRepayment>list("ledId = ?1 and groupRepaymentId in ?2 order by loanId", ledId, ids)
                    .forEach(r -> parts.computeIfAbsent(r.groupRepaymentId, id -> new ArrayList<>()).add(r));
            GroupRepaymentReversal.<GroupRepaymentReversal>list("ledId = ?1 and groupRepaymentId in ?2", ledId, ids)
                    .forEach(v -> reversedBy.put(v.groupRepaymentId, v.entryId));
        }
        List<Loan> loans = Loan.list("ledId = ?1 and groupLoanId = ?2", ledId, group.id);
        return Page.of(found, limit, r -> view(r, parts.getOrDefault(r.id, List.of()), loans, reversedBy.get(r.id),
                null), r -> Integer.toString(r.seq));
    }

    /** One payment of the group loan with its split and, once reversed, {@code reversedBy}. */
    @Transactional
    public GroupRepaymentView get(UUID ledId, UUID groupId, UUID groupLoanId, UUID groupRepaymentId) {
        GroupLoan group = groups.require(ledId, groupId, groupLoanId);
        GroupRepayment repayment = GroupRepayment.<GroupRepayment>find("ledId = ?1 and id = ?2 and groupLoanId = ?3",
                ledId, groupRepaymentId, group.id).firstResult();
        if (repayment == null) {
            throw ApiException.notFound("group repayment " + groupRepaymentId);
        }
        GroupRepaymentReversal reversal = GroupRepaymentReversal.<GroupRepaymentReversal>find(
                "ledId = ?1 and groupRepaymentId = ?2", ledId, repayment.id).firstResult();
        return view(repayment, LoanRepayment.list("ledId = ?1 and groupRepaymentId = ?2 order by loanId", ledId,
                repayment.id), Loan.list("ledId = ?1 and groupLoanId = ?2", ledId, group.id),
                reversal == null ? null : reversal.entryId, null);
    }

    private static GroupRepaymentView view(GroupRepayment r, List<LoanRepayment> parts, List<Loan> loans,
            UUID reversedBy, GroupLoanView groupLoan) {
        Map<UUID, UUID> memberOf = new HashMap<>();
        loans.forEach(loan -> memberOf.put(loan.id, loan.memberId));
        List<GroupRepaymentView.Part> views = parts.stream().map(p -> new GroupRepaymentView.Part(p.loanId,
                memberOf.get(p.loanId), p.id, Amount.of(p.amount), new RepaymentView.Allocation(Amount.of(p.penalty),
                        Amount.of(p.interest), Amount.of(p.principal)))).toList();
        return new GroupRepaymentView(r.id, r.groupLoanId, r.seq, Amount.of(r.amount), r.paidOn, r.account,
                r.forMemberId, r.entryId, reversedBy, r.recordedAt, r.recordedBy, views, groupLoan);
    }

    private static int nextSequence(Connection connection, UUID ledId, UUID groupLoanId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(seq), 0) + 1 FROM group_repayment WHERE led_id = ? AND group_loan_id = ?")) {
            select.setObject(1, ledId);
            select.setObject(2, groupLoanId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
