package id.lumbung.grant;

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
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/** District grants: recording a tranche (Dr cash/bank · Cr district grant capital) and reading them. */
@ApplicationScoped
public class GrantService {

    private final PostingService posting;
    private final PostingRules rules;
    private final JournalReader journal;
    private final SystemAccounts system;

    public GrantService(PostingService posting, PostingRules rules, JournalReader journal, SystemAccounts system) {
        this.system = system;
        this.posting = posting;
        this.rules = rules;
        this.journal = journal;
    }

    /** Records the grant and posts its GRANT entry in one transaction. */
    @Transactional
    public GrantView record(UUID ledId, @NotNull @Valid GrantRequest request, String recordedBy) {
        rules.requirePositive(request.amount(), "amount");
        rules.requireNotInFuture(ledId, request.receivedOn(), "receivedOn");
        String account = request.account() == null ? system.code(ledId, AccountPurpose.BANK) : request.account();
        rules.requireCashOrBank(ledId, account, "account");

        Grant grant = new Grant();
        grant.id = Ids.next();
        grant.ledId = ledId;
        grant.source = request.source().strip();
        grant.decreeNumber = request.decreeNumber().strip();
        grant.amount = request.amount().value();
        grant.receivedOn = request.receivedOn();
        grant.accountCode = account;
        grant.recordedBy = recordedBy;
        grant.recordedAt = Timestamps.now();

        EntryDraft draft = new EntryDraft(ledId, grant.receivedOn, EntryKind.GRANT,
                "Hibah " + grant.source + " (" + grant.decreeNumber + ")",
                new EntryDraft.Reference(Grant.REFERENCE_TYPE, grant.id), null, List.of(
                        new EntryDraft.Line(account, Side.DEBIT, request.amount()),
                        new EntryDraft.Line(system.code(ledId, AccountPurpose.DISTRICT_GRANT_CAPITAL), Side.CREDIT,
                                request.amount())));
        PostedEntry entry = posting.post(draft, recordedBy);
        grant.entryId = entry.id();
        grant.persistAndFlush();
        return GrantView.from(grant, null);
    }

    @Transactional
    public GrantView get(UUID ledId, UUID grantId) {
        return Grant.<Grant>find("ledId = ?1 and id = ?2", ledId, grantId).firstResultOptional()
                .map(found -> view(ledId, found))
                .orElseThrow(() -> ApiException.notFound("grant " + grantId));
    }

    /** Grants in the order they were recorded. */
    @Transactional
    public Page<GrantView> list(UUID ledId, int limit, String after) {
        UUID afterId = Cursor.afterId(after);
        List<Grant> grants = Grant.<Grant>find("ledId = ?1 and id > ?2 order by id", ledId, afterId)
                .page(0, limit + 1).list();
        Map<UUID, UUID> reversals = journal.reversals(ledId, grants.stream().map(r -> r.entryId).toList());
        return Page.of(grants, limit, r -> GrantView.from(r, reversals.get(r.entryId)),
                grant -> grant.id.toString());
    }

    /** The view with {@code reversedBy} read from the journal. */
    private GrantView view(UUID ledId, Grant grant) {
        return GrantView.from(grant, journal.reversals(ledId, List.of(grant.entryId)).get(grant.entryId));
    }
}
