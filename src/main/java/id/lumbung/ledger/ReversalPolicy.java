package id.lumbung.ledger;

/**
 * Lets a feature whose own records depend on its journal entries (a sub-ledger such as member
 * savings) refuse a reversal through the generic journal endpoint, which would move the control
 * account without moving its records. Implementations are CDI beans; {@link PostingService}
 * consults all of them before reversing.
 */
public interface ReversalPolicy {

    /** Throws an {@link id.lumbung.platform.error.ApiException} when {@code original} must not be reversed. */
    void checkReversible(PostedEntry original);
}
