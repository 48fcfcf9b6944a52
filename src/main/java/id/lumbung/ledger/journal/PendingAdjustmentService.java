package id.lumbung.ledger.journal;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.idempotency.IdempotentRequest;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/**
 * Maker–checker for manual adjustments (DESIGN §6): above the LED's adjustment approval threshold,
 * an adjustment is held until a manager other than its maker approves it, and only then posted.
 */
@ApplicationScoped
public class PendingAdjustmentService {

    private final PostingService posting;
    private final PostingRules rules;
    private final IdempotencyService idempotency;
    private final ObjectMapper json;
    private final AuditTrail audit;

    public PendingAdjustmentService(PostingService posting, PostingRules rules, IdempotencyService idempotency,
            ObjectMapper json, AuditTrail audit) {
        this.audit = audit;
        this.posting = posting;
        this.rules = rules;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** Holds the adjustment (202): nothing is posted until a second manager approves it. */
    @Transactional
    public Created hold(UUID ledId, JournalEntryRequest request, Amount total, String requestedBy,
            IdempotentRequest retry, URI entries) {
        rules.requireNotInFuture(ledId, request.effectiveDate(), "effectiveDate");
        return idempotency.once(retry, () -> {
            PendingAdjustment pending = new PendingAdjustment();
            pending.ledId = ledId;
            pending.id = Ids.next();
            pending.request = write(request);
            pending.total = total.value();
            pending.status = PendingAdjustment.Status.PENDING;
            pending.requestedAt = Timestamps.now();
            pending.requestedBy = requestedBy;
            pending.persistAndFlush();
            audit.record(ledId, "adjustment.held", "pending-adjustment", pending.id, Changes.of()
                    .field("status", null, pending.status).field("total", null, total)
                    .field("effectiveDate", null, request.effectiveDate()));
            URI location = UriBuilder.fromUri(entries).path("pending").path(pending.id.toString()).build();
            return new Created(202, location, PendingAdjustmentView.from(pending, request), false);
        });
    }

    /** Waiting adjustments (or those of another status), oldest first. */
    @Transactional
    public Page<PendingAdjustmentView> list(UUID ledId, PendingAdjustment.Status status, int limit, String after) {
        List<PendingAdjustment> found = PendingAdjustment.<PendingAdjustment>find(
                "ledId = ?1 and status = ?2 and id > ?3 order by id", ledId,
                status == null ? PendingAdjustment.Status.PENDING : status, Cursor.afterId(after))
                .page(0, limit + 1).list();
        return Page.of(found, limit, this::view, pending -> pending.id.toString());
    }

    @Transactional
    public PendingAdjustmentView get(UUID ledId, UUID pendingId) {
        return view(find(ledId, pendingId, false));
    }

    /**
     * Posts the held adjustment, dated as requested, recorded by its maker. 403 approver-is-maker
     * for the maker; 409 period-closed when its period was closed meanwhile (it stays pending).
     */
    @Transactional
    public Created approve(UUID ledId, UUID pendingId, DecisionNote decision, String approvedBy, URI entries) {
        PendingAdjustment pending = find(ledId, pendingId, true);
        requirePending(pending);
        if (pending.requestedBy.equals(approvedBy)) {
            throw new ApiException(ProblemType.APPROVER_IS_MAKER, "an adjustment of " + Amount.of(pending.total)
                    + " is above the LED's threshold: a manager other than its maker (" + pending.requestedBy
                    + ") must approve it");
        }
        JournalEntryRequest request = read(pending.request);
        // The control accounts were refused when it was made; a purpose never moves between accounts.
        EntryDraft draft = JournalService.adjustment(ledId, request, Set.of());
        var entry = posting.post(draft, pending.requestedBy);
        pending.status = PendingAdjustment.Status.APPROVED;
        pending.entryId = entry.id();
        decide(pending, approvedBy, decision == null ? null : decision.note());
        audit.record(ledId, "adjustment.approved", "pending-adjustment", pendingId, decision(pending)
                .field("entryId", null, entry.id()));
        return Created.at(UriBuilder.fromUri(entries).path(entry.id().toString()).build(),
                JournalEntryView.from(entry));
    }

    @Transactional
    public PendingAdjustmentView reject(UUID ledId, UUID pendingId, DecisionNote decision, String rejectedBy) {
        if (decision == null || decision.note() == null || decision.note().isBlank()) {
            throw ApiException.invalidField("note", "a rejection says why");
        }
        PendingAdjustment pending = find(ledId, pendingId, true);
        requirePending(pending);
        pending.status = PendingAdjustment.Status.REJECTED;
        decide(pending, rejectedBy, decision.note());
        audit.record(ledId, "adjustment.rejected", "pending-adjustment", pendingId, decision(pending));
        return view(pending);
    }

    private static Changes decision(PendingAdjustment pending) {
        return Changes.of().field("status", PendingAdjustment.Status.PENDING, pending.status)
                .field("decisionNote", null, pending.decisionNote);
    }

    private static void decide(PendingAdjustment pending, String by, String note) {
        pending.decidedAt = Timestamps.now();
        pending.decidedBy = by;
        pending.decisionNote = note == null || note.isBlank() ? null : note.strip();
    }

    private static void requirePending(PendingAdjustment pending) {
        if (pending.status != PendingAdjustment.Status.PENDING) {
            throw new ApiException(ProblemType.ADJUSTMENT_NOT_PENDING, "the adjustment was already "
                    + pending.status.name().toLowerCase(java.util.Locale.ROOT) + " by " + pending.decidedBy);
        }
    }

    private static PendingAdjustment find(UUID ledId, UUID pendingId, boolean lock) {
        var query = PendingAdjustment.<PendingAdjustment>find("ledId = ?1 and id = ?2", ledId, pendingId);
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional().orElseThrow(() -> ApiException.notFound("pending adjustment " + pendingId));
    }

    private PendingAdjustmentView view(PendingAdjustment pending) {
        return PendingAdjustmentView.from(pending, read(pending.request));
    }

    private String write(JournalEntryRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the adjustment cannot be written as JSON", e);
        }
    }

    private JournalEntryRequest read(String text) {
        try {
            return json.readValue(text, JournalEntryRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pending adjustment cannot be read", e);
        }
    }
}
