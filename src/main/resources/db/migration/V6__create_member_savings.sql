-- Member savings (simpanan anggota) as a sub-ledger of the control account 2-1100: the journal
-- posts every deposit and withdrawal to 2-1100 only, and these tables say whose money it is.
-- Each movement is written in the same transaction as its journal entry (entry_id), so the sum of
-- all members' balances equals the balance of 2-1100 at every commit. led_id leads every key and
-- index (DESIGN §1).

-- One row per member who ever saved: the current balance, kept in the same transaction as the
-- movement. A withdrawal takes the row lock (a guarded UPDATE), so racing withdrawals of one
-- member queue here; the CHECK is the last line if any code path forgot the guard.
CREATE TABLE member_savings (
    led_id      uuid           NOT NULL,
    member_id   uuid           NOT NULL,
    balance     numeric(20, 2) NOT NULL CONSTRAINT member_savings_no_negative CHECK (balance >= 0),
    updated_at  timestamptz    NOT NULL,
    PRIMARY KEY (led_id, member_id),
    FOREIGN KEY (led_id, member_id) REFERENCES member (led_id, id)
);

-- The member's passbook (buku simpanan): every deposit and withdrawal, never changed. A mistake is
-- corrected by a new movement, as the journal corrects one by a new entry.
CREATE TABLE savings_movement (
    led_id          uuid           NOT NULL,
    id              uuid           NOT NULL,
    member_id       uuid           NOT NULL,
    type            varchar(10)    NOT NULL CHECK (type IN ('DEPOSIT', 'WITHDRAWAL')),
    amount          numeric(18, 2) NOT NULL CHECK (amount > 0),
    -- The member's balance right after this movement, in the order the row lock granted them.
    balance_after   numeric(20, 2) NOT NULL CHECK (balance_after >= 0),
    effective_date  date           NOT NULL,
    entry_id        uuid           NOT NULL,
    description     varchar(500)   NOT NULL,
    recorded_at     timestamptz    NOT NULL,
    recorded_by     varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT savings_movement_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, member_id) REFERENCES member_savings (led_id, member_id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id)
);
-- A member's passbook, newest first, reads one index range.
CREATE INDEX savings_movement_member ON savings_movement (led_id, member_id, id);

CREATE TRIGGER savings_movement_immutable BEFORE UPDATE OR DELETE ON savings_movement
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER savings_movement_no_truncate BEFORE TRUNCATE ON savings_movement
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_is_immutable();
REVOKE UPDATE, DELETE, TRUNCATE ON savings_movement FROM CURRENT_USER;
REVOKE ALL ON savings_movement FROM PUBLIC;
