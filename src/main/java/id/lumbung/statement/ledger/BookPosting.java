package id.lumbung.statement.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.Side;

/** One posting to a book's account, with the words of the entry it belongs to. */
record BookPosting(PostingKey key, UUID accountId, UUID entryId, Side side, BigDecimal amount, String description,
        EntryKind kind) {

    LocalDate day() {
        return key.day();
    }

    /** The posting as a debit-positive movement. */
    BigDecimal net() {
        return side == Side.DEBIT ? amount : amount.negate();
    }
}
