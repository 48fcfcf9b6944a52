package id.lumbung.contribution;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.JournalReader;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.savings.MovementView;
import id.lumbung.savings.SavingsService;

/**
 * Contributions: the community's swadaya (Dr cash · Cr 3-1200 Community equity) and members' savings
 * deposits (through the savings sub-ledger: Dr 1-1100 · Cr 2-1100).
 */
@ApplicationScoped
public class ContributionService {

    static final String DEFAULT_DESCRIPTION = "Modal swadaya masyarakat";

    private final PostingService posting;
    private final PostingRules rules;
    private final SavingsService savings;
    private final JournalReader journal;
    private final SystemAccounts system;

    public ContributionService(PostingService posting, PostingRules rules, SavingsService savings,
            JournalReader journal, SystemAccounts system) {
        this.system = system;
        this.posting = posting;
        this.rules = rules;
        this.savings = savings;
        this.journal = journal;
    }

    /**
     * Records the contribution and posts its entry in one transaction: CONTRIBUTION for community
     * equity, SAVINGS_DEPOSIT (through the member's savings) for a member's deposit.
     */
    @Transactional
    public ContributionView record(UUID ledId, @NotNull @Valid ContributionRequest request, String recordedBy) {
        boolean savingsDeposit = request.type() == ContributionType.SAVINGS_DEPOSIT;
        if (savingsDeposit) {
            requireMemberAndCash(request, system.code(ledId, AccountPurpose.CASH));
        } else if (request.memberId() != null) {
            throw ApiException.invalidField("memberId", "only a SAVINGS_DEPOSIT names a member");
        }
        rules.requirePositive(request.amount(), "amount");
        rules.requireNotInFuture(ledId, request.receivedOn(), "receivedOn");
        return savingsDeposit
                ? depositSavings(ledId, request, recordedBy)
                : communityEquity(ledId, request, recordedBy);
    }

    /** Swadaya: Dr the receiving cash or bank account · Cr 3-1200 Community equity. */
    private ContributionView communityEquity(UUID ledId, ContributionRequest request, String recordedBy) {
        String account = request.account() == null ? system.code(ledId, AccountPurpose.CASH) : request.account();
        rules.requireCashOrBank(ledId, account, "account");
        String description = request.description() == null || request.description().isBlank()
                ? DEFAULT_DESCRIPTION
                : request.description().strip();
        Contribution contribution = newContribution(ledId, request, description, account, recordedBy);
        EntryDraft draft = new EntryDraft(ledId, contribution.receivedOn, EntryKind.CONTRIBUTION,
                contribution.description, new EntryDraft.Reference(Contribution.REFERENCE_TYPE, contribution.id),
                null, List.of(
                        new EntryDraft.Line(account, Side.DEBIT, request.amount()),
                        new EntryDraft.Line(system.code(ledId, AccountPurpose.COMMUNITY_EQUITY), Side.CREDIT,
                                request.amount())));
        return persist(contribution, posting.post(draft, recordedBy).id());
    }

    /** A savings deposit names its member and is taken in cash. */
    private static void requireMemberAndCash(ContributionRequest request, String cash) {
        if (request.memberId() == null) {
            throw ApiException.invalidField("memberId", "a SAVINGS_DEPOSIT names the depositing member");
        }
        if (request.account() != null && !request.account().equals(cash)) {
            throw new ApiException(ProblemType.ACCOUNT_NOT_ALLOWED, "savings deposits are taken in cash ("
                    + cash + ")", List.of(new Problem.FieldError("account", "must be "
                    + cash + " for a savings deposit")));
        }
    }

    /**
     * A member's savings deposit taken in as a contribution: the savings sub-ledger posts its
     * SAVINGS_DEPOSIT entry (Dr 1-1100 · Cr 2-1100) and the contribution record points at that entry,
     * so the member's passbook, 2-1100 and the contributions list all tell the same story.
     */
    private ContributionView depositSavings(UUID ledId, ContributionRequest request, String recordedBy) {
        String description = request.description() == null || request.description().isBlank()
                ? null : request.description().strip();
        MovementView movement;
        try {
            movement = savings.deposit(ledId, request.memberId(), request.amount(), request.receivedOn(), description,
                    recordedBy);
        } catch (ApiException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw new ApiException(ProblemType.UNKNOWN_MEMBER, "no member " + request.memberId() + " in this LED",
                        List.of(new Problem.FieldError("memberId", "no such member in this LED")));
            }
            throw e;
        }
        Contribution contribution = newContribution(ledId, request, movement.description(),
                system.code(ledId, AccountPurpose.CASH), recordedBy);
        return persist(contribution, movement.entryId());
    }

    private static Contribution newContribution(UUID ledId, ContributionRequest request, String description,
            String account, String recordedBy) {
        Contribution contribution = new Contribution();
        contribution.id = Ids.next();
        contribution.ledId = ledId;
        contribution.type = request.type();
        contribution.memberId = request.memberId();
        contribution.amount = request.amount().value();
        contribution.receivedOn = request.receivedOn();
        contribution.description = description;
        contribution.accountCode = account;
        contribution.recordedBy = recordedBy;
        contribution.recordedAt = Timestamps.now();
        return contribution;
    }

    private static ContributionView persist(Contribution contribution, UUID entryId) {
        contribution.entryId = entryId;
        contribution.persistAndFlush();
        return ContributionView.from(contribution, null);
    }

    @Transactional
    public ContributionView get(UUID ledId, UUID contributionId) {
        return Contribution.<Contribution>find("ledId = ?1 and id = ?2", ledId, contributionId)
                .firstResultOptional()
                .map(found -> view(ledId, found))
                .orElseThrow(() -> ApiException.notFound("contribution " + contributionId));
    }

    /** Contributions in the order they were recorded, optionally of one type. */
    @Transactional
    public Page<ContributionView> list(UUID ledId, ContributionType type, int limit, String after) {
        UUID afterId = Cursor.afterId(after);
        List<Contribution> found = type == null
                ? Contribution.<Contribution>find("ledId = ?1 and id > ?2 order by id", ledId, afterId)
                        .page(0, limit + 1).list()
                : Contribution.<Contribution>find("ledId = ?1 and type = ?2 and id > ?3 order by id", ledId, type,
                        afterId).page(0, limit + 1).list();
        Map<UUID, UUID> reversals = journal.reversals(ledId, found.stream().map(r -> r.entryId).toList());
        return Page.of(found, limit, r -> ContributionView.from(r, reversals.get(r.entryId)),
                contribution -> contribution.id.toString());
    }

    /** The view with {@code reversedBy} read from the journal. */
    private ContributionView view(UUID ledId, Contribution contribution) {
        UUID entry = contribution.entryId;
        return ContributionView.from(contribution, journal.reversals(ledId, List.of(entry)).get(entry));
    }
}
