package id.lumbung.statement.ledger;

import java.util.UUID;

import id.lumbung.ledger.AccountType;
import id.lumbung.ledger.Side;

/** An account a book lists the postings of, as read inside the statement's snapshot. */
record BookAccount(UUID id, String code, String name, AccountType type, Side normalSide) {
}
