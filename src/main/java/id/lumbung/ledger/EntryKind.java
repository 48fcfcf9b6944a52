package id.lumbung.ledger;

/** What business event a journal entry records (DESIGN §2). */
public enum EntryKind {
    GRANT,
    LOAN_DISBURSEMENT,
    REPAYMENT,
    CONTRIBUTION,
    SAVINGS_DEPOSIT,
    WITHDRAWAL,
    FEE,
    WRITE_OFF,
    PROVISION,
    EXPENSE,
    TRANSFER,
    OPENING_BALANCE,
    ADJUSTMENT,
    REVERSAL
}
