package id.lumbung.contribution;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.ledger.DefaultChart;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/**
 * Contributions: the community's swadaya (Dr cash · Cr 3-1200 Community equity). A member's savings
 * deposit goes through the same request once member records exist; until then it is refused.
 */
@ApplicationScoped
public class ContributionService {

    static final String DEFAULT_DESCRIPTION = "Modal swadaya masyarakat";

    private final PostingService posting;
    private final PostingRules rules;

    public ContributionService(PostingService posting, PostingRules rules) {
        this.posting = posting;
        this.rules = rules;
    }

    /** Records the contribution and posts its CONTRIBUTION entry in one transaction. */
    @Transactional
    public ContributionView record(UUID ledId, @NotNull @Valid ContributionRequest request, String recordedBy) {
        if (request.type() == ContributionType.SAVINGS_DEPOSIT) {
            throw new ApiException(ProblemType.CONTRIBUTION_TYPE_NOT_SUPPORTED,
                    "SAVINGS_DEPOSIT contributions need member records, which this service cannot keep yet",
                    List.of(new Problem.FieldError("type", "SAVINGS_DEPOSIT is not supported yet")));
        }
        if (request.memberId() != null) {
            throw ApiException.invalidField("memberId", "only a SAVINGS_DEPOSIT names a member");
        }
        rules.requirePositive(request.amount(), "amount");
        rules.requireNotInFuture(request.receivedOn(), "receivedOn");
        String account = request.account() == null ? DefaultChart.CASH : request.account();
        rules.requireCashOrBank(ledId, account, "account");

        Contribution contribution = new Contribution();
        contribution.id = Ids.next();
        contribution.ledId = ledId;
        contribution.type = request.type();
        contribution.amount = request.amount().value();
        contribution.receivedOn = request.receivedOn();
        contribution.description = request.description() == null || request.description().isBlank()
                ? DEFAULT_DESCRIPTION
                : request.description().strip();
        contribution.accountCode = account;
        contribution.recordedBy = recordedBy;
        contribution.recordedAt = Timestamps.now();

        EntryDraft draft = new EntryDraft(ledId, contribution.receivedOn, EntryKind.CONTRIBUTION,
                contribution.description, new EntryDraft.Reference(Contribution.REFERENCE_TYPE, contribution.id),
                null, List.of(
                        new EntryDraft.Line(account, Side.DEBIT, request.amount()),
                        new EntryDraft.Line(DefaultChart.COMMUNITY_EQUITY, Side.CREDIT, request.amount())));
        PostedEntry entry = posting.post(draft, recordedBy);
        contribution.entryId = entry.id();
        contribution.persistAndFlush();
        return ContributionView.from(contribution);
    }

    @Transactional
    public ContributionView get(UUID ledId, UUID contributionId) {
        return Contribution.<Contribution>find("ledId = ?1 and id = ?2", ledId, contributionId)
                .firstResultOptional()
                .map(ContributionView::from)
                .orElseThrow(() -> ApiException.notFound("contribution " + contributionId));
    }

    /** Contributions in the order they were recorded, optionally of one type. */
    @Transactional
    public Page<ContributionView> list(UUID ledId, ContributionType type, int limit, String after) {
        UUID afterId = after == null ? new UUID(0, 0) : Cursor.decodeUuid(after);
        List<Contribution> found = type == null
                ? Contribution.<Contribution>find("ledId = ?1 and id > ?2 order by id", ledId, afterId)
                        .page(0, limit + 1).list()
                : Contribution.<Contribution>find("ledId = ?1 and type = ?2 and id > ?3 order by id", ledId, type,
                        afterId).page(0, limit + 1).list();
        return Page.of(found, limit, ContributionView::from, contribution -> contribution.id.toString());
    }
}
