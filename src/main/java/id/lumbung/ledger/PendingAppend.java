package id.lumbung.ledger;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotentRequest;

/**
 * An entry waiting for a group commit, with what its request needs back: the outcome, and for a
 * request sent with an Idempotency-Key the answer to store with the entry.
 *
 * @param idempotency the request's key, or null when it sent none
 * @param answer      how the request answers once its entry is posted
 */
record PendingAppend(
        EntryDraft draft,
        Map<String, AccountRef> accounts,
        String recordedBy,
        IdempotentRequest idempotency,
        Function<PostedEntry, Created> answer,
        CompletableFuture<AppendOutcome> outcome) {

    PendingAppend(EntryDraft draft, Map<String, AccountRef> accounts, String recordedBy,
            IdempotentRequest idempotency, Function<PostedEntry, Created> answer) {
        this(draft, accounts, recordedBy, idempotency, answer, new CompletableFuture<>());
    }

    UUID ledId() {
        return draft.ledId();
    }
}
