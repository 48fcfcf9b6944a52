package id.lumbung.audit;

import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.platform.security.Caller;
import id.lumbung.platform.security.Role;
import id.lumbung.platform.time.Timestamps;

/**
 * The one way into an LED's audit trail. A write that is not a journal entry calls
 * {@link #record} inside its own transaction, so the change and its event commit together or not
 * at all; a refused privileged attempt is recorded by {@link RefusalRecorder} in a transaction of
 * its own, because the refused request rolls back.
 */
@ApplicationScoped
public class AuditTrail {

    private final AuditLog log;
    private final Caller caller;

    public AuditTrail(AuditLog log, Caller caller) {
        this.log = log;
        this.caller = caller;
    }

    /**
     * Records that the caller did {@code action} (e.g. {@code member.updated}) to a resource,
     * changing what {@code changes} lists. Must run in the transaction of the write it records.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID ledId, String action, String resourceType, Object resourceId, Changes changes) {
        log.append(new AuditLog.Draft(ledId, Timestamps.now(), caller.subject(), roles(), action, resourceType,
                resourceId == null ? null : resourceId.toString(), changes.json(), Outcome.DONE, null));
    }

    /**
     * Records that the caller was refused {@code operation} (method and path template) with the
     * problem {@code problemType}; runs in the transaction its caller opened for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void refused(UUID ledId, String operation, String problemType) {
        log.append(new AuditLog.Draft(ledId, Timestamps.now(), caller.subject(), roles(), operation, null, null,
                Changes.of().json(), Outcome.REFUSED, problemType));
    }

    /** The roles this service knows that the caller holds, sorted: what the actor acted as. */
    private String roles() {
        String held = Role.ALL.stream().filter(caller::hasRole).sorted().collect(Collectors.joining(","));
        return held.isEmpty() ? "none" : held;
    }
}
