package id.lumbung.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What business event a journal entry records (DESIGN §2). */
@Schema(description = "An open list: kinds are added as business operations are, without a new API version; "
        + "a client shows an unknown kind as it is rather than failing.")
public enum EntryKind {
    GRANT,
    LOAN_DISBURSEMENT,
    REPAYMENT,
    CONTRIBUTION,
    SAVINGS_DEPOSIT,
    WITHDRAWAL,
    FEE,
    WRITE_OFF,
    RECOVERY,
    PROVISION,
    EXPENSE,
    TRAINING_FUNDING,
    CAPITAL_ASSISTANCE,
    TRANSFER,
    OPENING_BALANCE,
    ADJUSTMENT,
    REVERSAL,
    /** The year-end closing entry: the year's income and expenses into retained surplus, dated Dec 31. */
    CLOSING,
    /** The surplus allocation the village assembly (MAD/Musdes) decided, dated the day it decided. */
    SURPLUS_ALLOCATION
}
