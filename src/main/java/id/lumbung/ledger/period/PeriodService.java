package id.lumbung.ledger.period;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.ledger.JournalHead;
import id.lumbung.ledger.PostingService;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;

/**
 * Closing periods (DESIGN §2 invariant 6). Closing takes the journal head's lock, the same one
 * every posting takes, so no entry can slip into a period while it is being closed.
 */
@ApplicationScoped
public class PeriodService {

    private final PostingService posting;
    private final AuditTrail audit;

    public PeriodService(PostingService posting, AuditTrail audit) {
        this.posting = posting;
        this.audit = audit;
    }

    @Transactional
    public PeriodView close(UUID ledId, LocalDate through, String closedBy) {
        LocalDate today = posting.today(ledId);
        if (through.isAfter(today)) {
            throw new ApiException(ProblemType.PERIOD_IN_FUTURE,
                    "cannot close through " + through + ": today is " + today);
        }
        JournalHead head = JournalHead.<JournalHead>findByIdOptional(ledId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("LED " + ledId));
        if (head.closedThrough != null && !through.isAfter(head.closedThrough)) {
            throw new ApiException(ProblemType.PERIOD_ALREADY_CLOSED,
                    "books are already closed through " + head.closedThrough);
        }
        audit.record(ledId, "period.closed", "period", through, Changes.of()
                .field("closedThrough", head.closedThrough, through));
        head.closedThrough = through;
        PeriodClose close = new PeriodClose();
        close.ledId = ledId;
        close.through = through;
        close.closedAt = Timestamps.now();
        close.closedBy = closedBy;
        // The head is locked: no entry can be appended between reading it and committing the close.
        close.chainNumber = head.lastNumber;
        close.chainHash = head.lastHash;
        close.persist();
        return PeriodView.from(close);
    }

    @Transactional
    public PeriodsView list(UUID ledId) {
        JournalHead head = JournalHead.<JournalHead>findByIdOptional(ledId)
                .orElseThrow(() -> ApiException.notFound("LED " + ledId));
        return new PeriodsView(head.closedThrough,
                PeriodClose.<PeriodClose>list("ledId = ?1 order by through", ledId).stream()
                        .map(PeriodView::from).toList());
    }
}
