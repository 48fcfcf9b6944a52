package id.lumbung.loan;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.time.Timestamps;
import id.lumbung.settings.SettingsService;

/**
 * Maker–checker for decisions on a running loan (DESIGN §6), whatever the decision: when the loan's
 * outstanding principal exceeds the LED's approval threshold the request is held here, at most one
 * per loan, until a manager other than its maker approves it (or any manager rejects it). The
 * caller keeps the loan locked around every call and does the decision's own work.
 */
@ApplicationScoped
public class PendingRequests {

    private final SettingsService settings;
    private final ObjectMapper json;

    public PendingRequests(SettingsService settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** Whether a decision on a loan with this outstanding principal needs a second manager. */
    public boolean needsSecondPerson(UUID ledId, Amount outstanding) {
        return settings.lending(ledId).loanNeedsSecondPerson(outstanding);
    }

    /** 409 loan-request-pending when a request on the loan is already waiting. */
    public void requireNoneOpen(UUID ledId, UUID loanId) {
        LoanPendingRequest open = open(ledId, loanId);
        if (open != null) {
            throw new ApiException(ProblemType.LOAN_REQUEST_PENDING, "a " + open.action + " request by "
                    + open.requestedBy + " is waiting for a second manager; approve or reject it first");
        }
    }

    /** Holds the request for a second manager. */
    public LoanPendingRequest hold(UUID ledId, UUID loanId, LoanPendingRequest.Action action, Object request,
            Amount outstanding, String requestedBy) {
        LoanPendingRequest pending = new LoanPendingRequest();
        pending.ledId = ledId;
        pending.id = Ids.next();
        pending.loanId = loanId;
        pending.action = action;
        pending.request = write(request);
        pending.outstandingPrincipal = outstanding.value();
        pending.status = LoanPendingRequest.Status.PENDING;
        pending.requestedAt = Timestamps.now();
        pending.requestedBy = requestedBy;
        pending.persistAndFlush();
        return pending;
    }

    /** The loan's waiting request of this action, or 404 when there is none. */
    public LoanPendingRequest requireOpen(UUID ledId, UUID loanId, LoanPendingRequest.Action action) {
        LoanPendingRequest open = open(ledId, loanId);
        if (open == null || open.action != action) {
            throw ApiException.notFound("pending " + action + " request of loan " + loanId);
        }
        return open;
    }

    /** Approves it (403 approver-is-maker for its own maker) and gives back the request as made. */
    public <T> T approve(LoanPendingRequest pending, Class<T> type, String approvedBy, String note) {
        if (approvedBy.equals(pending.requestedBy)) {
            throw new ApiException(ProblemType.APPROVER_IS_MAKER, "the loan's outstanding principal of "
                    + Amount.of(pending.outstandingPrincipal) + " was above the LED's approval threshold: someone "
                    + "other than " + pending.requestedBy + " must approve this " + pending.action + " request");
        }
        decide(pending, LoanPendingRequest.Status.APPROVED, approvedBy, note);
        return read(pending, type);
    }

    /** Rejects it, with the reason; any manager may, its maker included (withdrawing it). */
    public void reject(LoanPendingRequest pending, String rejectedBy, String reason) {
        decide(pending, LoanPendingRequest.Status.REJECTED, rejectedBy, reason);
    }

    /** The request as made. */
    public <T> T read(LoanPendingRequest pending, Class<T> type) {
        try {
            return json.readValue(pending.request, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pending request's body cannot be read", e);
        }
    }

    private static LoanPendingRequest open(UUID ledId, UUID loanId) {
        return LoanPendingRequest.<LoanPendingRequest>find("ledId = ?1 and loanId = ?2 and status = ?3", ledId,
                loanId, LoanPendingRequest.Status.PENDING).firstResult();
    }

    private static void decide(LoanPendingRequest pending, LoanPendingRequest.Status status, String by,
            String note) {
        pending.status = status;
        pending.decidedAt = Timestamps.now();
        pending.decidedBy = by;
        pending.decisionNote = note == null || note.isBlank() ? null : note.strip();
    }

    private String write(Object request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pending request cannot be written as JSON", e);
        }
    }
}
