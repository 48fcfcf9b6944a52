package id.lumbung.ledger.journal;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriBuilder;

import id.lumbung.ledger.AccountCatalog;
import id.lumbung.ledger.AccountRef;
import id.lumbung.ledger.ControlAccounts;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.JournalReader;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.ledger.Side;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotentRequest;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.settings.SettingsService;

/** The journal as the API offers it: manual adjustments, reversals and filtered, paged reads. */
@ApplicationScoped
public class JournalService {

    private final PostingService posting;
    private final JournalReader reader;
    private final AccountCatalog catalog;
    private final SettingsService settings;
    private final PendingAdjustmentService pending;
    private final SystemAccounts system;

    public JournalService(PostingService posting, JournalReader reader, AccountCatalog catalog,
            SettingsService settings, PendingAdjustmentService pending, SystemAccounts system) {
        this.system = system;
        this.posting = posting;
        this.reader = reader;
        this.catalog = catalog;
        this.settings = settings;
        this.pending = pending;
    }

    /**
     * A manager's adjustment: only kind ADJUSTMENT may be posted directly. No record commits with
     * it, so it goes through the group commit; {@code entries} is the collection it is created in.
     * Above the LED's adjustment approval threshold it is held instead (202) for a second manager.
     */
    public Created postAdjustment(UUID ledId, JournalEntryRequest request, String recordedBy,
            IdempotentRequest idempotency, URI entries) {
        EntryDraft draft = adjustment(ledId, request, system.controlCodes(ledId));
        Amount total = debits(draft);
        if (settings.lending(ledId).adjustmentNeedsSecondPerson(total)) {
            requireBalancedAndKnown(draft, total);
            return pending.hold(ledId, request, total, recordedBy, idempotency, entries);
        }
        return posting.postGrouped(draft, recordedBy, idempotency,
                entry -> Created.at(UriBuilder.fromUri(entries).path(entry.id().toString()).build(),
                        JournalEntryView.from(entry)));
    }

    /** The adjustment as a draft entry, refused when it is not an ADJUSTMENT or names a control account. */
    static EntryDraft adjustment(UUID ledId, JournalEntryRequest request, Set<String> controlCodes) {
        EntryKind kind = request.kind() == null ? EntryKind.ADJUSTMENT : request.kind();
        if (kind != EntryKind.ADJUSTMENT) {
            throw new ApiException(ProblemType.KIND_NOT_ALLOWED, "only ADJUSTMENT entries are posted here; "
                    + kind + " entries come from their business operation");
        }
        List<Problem.FieldError> invalid = new ArrayList<>();
        List<EntryDraft.Line> lines = new ArrayList<>();
        for (int i = 0; i < request.postings().size(); i++) {
            PostingRequest line = request.postings().get(i);
            if (!line.amount().isPositive()) {
                invalid.add(new Problem.FieldError("postings[" + i + "].amount", "must be greater than zero"));
            }
            lines.add(new EntryDraft.Line(line.account(), line.side(), line.amount()));
        }
        if (!invalid.isEmpty()) {
            throw ApiException.ofFields(ProblemType.VALIDATION_FAILED, invalid, "fields are invalid");
        }
        List<ControlAccounts.Named> named = new ArrayList<>();
        for (int i = 0; i < request.postings().size(); i++) {
            named.add(new ControlAccounts.Named("postings[" + i + "].account", request.postings().get(i).account()));
        }
        ControlAccounts.refuse(controlCodes, named);
        return new EntryDraft(ledId, request.effectiveDate(), kind, request.description().strip(), null, null, lines);
    }

    private static Amount debits(EntryDraft draft) {
        return draft.lines().stream().filter(line -> line.side() == Side.DEBIT).map(EntryDraft.Line::amount)
                .reduce(Amount.ZERO, Amount::plus);
    }

    /** What the core would refuse at once, refused before an adjustment is held for days. */
    private void requireBalancedAndKnown(EntryDraft draft, Amount debits) {
        Amount credits = draft.lines().stream().filter(line -> line.side() == Side.CREDIT)
                .map(EntryDraft.Line::amount).reduce(Amount.ZERO, Amount::plus);
        if (!debits.equals(credits)) {
            throw new ApiException(ProblemType.ENTRY_UNBALANCED,
                    "debits " + debits + " and credits " + credits + " differ by " + debits.minus(credits));
        }
        List<String> codes = draft.lines().stream().map(EntryDraft.Line::account).distinct().toList();
        var known = catalog.resolve(draft.ledId(), codes);
        List<String> unknown = codes.stream().filter(code -> !known.containsKey(code)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(ProblemType.UNKNOWN_ACCOUNT, "no account " + String.join(", ", unknown)
                    + " in this LED's chart");
        }
    }

    @Transactional
    public JournalEntryView reverse(UUID ledId, UUID entryId, ReversalRequest request, String recordedBy) {
        return JournalEntryView.from(
                posting.reverse(ledId, entryId, request.reason().strip(), request.effectiveDate(), recordedBy));
    }

    @Transactional
    public JournalEntryView get(UUID ledId, UUID entryId) {
        return reader.find(ledId, entryId).map(JournalEntryView::from)
                .orElseThrow(() -> ApiException.notFound("journal entry " + entryId));
    }

    @Transactional
    public Page<JournalEntryView> list(UUID ledId, LocalDate from, LocalDate to, String accountCode, EntryKind kind,
            int limit, String after) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalidParameter("from", "must not be after 'to'");
        }
        UUID accountId = null;
        if (accountCode != null) {
            AccountRef account = catalog.find(ledId, accountCode)
                    .orElseThrow(() -> ApiException.invalidParameter("account",
                            "no account " + accountCode + " in this LED"));
            accountId = account.id();
        }
        long afterNumber = after == null ? 0 : Cursor.decodeLong(after);
        List<PostedEntry> fetched = reader.list(ledId, new JournalReader.Filter(from, to, accountId, kind),
                afterNumber, limit + 1);
        return Page.of(fetched, limit, JournalEntryView::from, entry -> Long.toString(entry.number()));
    }
}
