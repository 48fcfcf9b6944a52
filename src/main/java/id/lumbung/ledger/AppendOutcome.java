package id.lumbung.ledger;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.idempotency.Created;

/** What became of an entry handed to the group commit. */
sealed interface AppendOutcome {

    /** Committed. {@code answer} is the stored answer of a request with a key, else null. */
    record Posted(PostedEntry entry, Created answer) implements AppendOutcome {
    }

    /** A retry: the answer an earlier request with the same key received. */
    record Replayed(Created answer) implements AppendOutcome {
    }

    /** Refused before anything was written, for the reason the problem gives. */
    record Refused(ApiException problem) implements AppendOutcome {
    }

    /**
     * Not written by the group: its LED's journal was held by another transaction, or the group's
     * transaction failed. The request posts the entry in a transaction of its own, which waits for
     * the journal and reports that entry's own error.
     */
    record PostAlone() implements AppendOutcome {
    }

    /** The commit's outcome is unknown (the connection broke during it); the request must not guess. */
    record Failed(RuntimeException cause) implements AppendOutcome {
    }

    AppendOutcome POST_ALONE = new PostAlone();
}
