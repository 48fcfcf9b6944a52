-- The account ledger (buku besar) and the cash book list an account's postings in effective-date
-- order, then entry number, then line: a back-dated entry appears on its own day, not at the end.
-- posting_account orders by entry number only, so a page in effective-date order would sort the
-- account's whole history; this index makes a page one index range from its cursor on. entry_id,
-- side and amount are included so that a page, and the cursor day's part of a page's opening
-- balance, are read from the index alone.
CREATE INDEX posting_account_effective ON posting (led_id, account_id, effective_date, entry_number, line)
    INCLUDE (entry_id, side, amount);
