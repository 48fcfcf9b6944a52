-- Money operations that need no member records (DESIGN §3): district grants, community
-- contributions (swadaya), operating expenses and the opening balances of an LED that moves from
-- paper books. Each record is written in the same transaction as the one journal entry that
-- posts it: entry_id points at that entry, and the entry's reference (type, id) points back.
-- Accounts are named by code; an account's code never changes (V2), so the foreign key on
-- (led_id, code) keeps each record tied to an account of its own LED.

-- A tranche of district grant capital (hibah): Dr cash/bank · Cr district grant capital.
-- "grant" is an SQL keyword, hence district_grant.
CREATE TABLE district_grant (
    led_id          uuid           NOT NULL REFERENCES led (id),
    id              uuid           NOT NULL,
    source          varchar(200)   NOT NULL,
    decree_number   varchar(100)   NOT NULL,
    amount          numeric(18, 2) NOT NULL CHECK (amount > 0),
    received_on     date           NOT NULL,
    account_code    varchar(20)    NOT NULL,
    entry_id        uuid           NOT NULL,
    recorded_at     timestamptz    NOT NULL,
    recorded_by     varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT district_grant_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, account_code) REFERENCES account (led_id, code)
);

-- Money the community or a member brings in. COMMUNITY_EQUITY (swadaya) needs no member;
-- SAVINGS_DEPOSIT names one.
CREATE TABLE contribution (
    led_id          uuid           NOT NULL REFERENCES led (id),
    id              uuid           NOT NULL,
    type            varchar(30)    NOT NULL CHECK (type IN ('COMMUNITY_EQUITY', 'SAVINGS_DEPOSIT')),
    member_id       uuid,
    amount          numeric(18, 2) NOT NULL CHECK (amount > 0),
    received_on     date           NOT NULL,
    description     varchar(500)   NOT NULL,
    account_code    varchar(20)    NOT NULL,
    entry_id        uuid           NOT NULL,
    recorded_at     timestamptz    NOT NULL,
    recorded_by     varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT contribution_member_matches_type CHECK (type <> 'COMMUNITY_EQUITY' OR member_id IS NULL),
    CONSTRAINT contribution_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, account_code) REFERENCES account (led_id, code),
    FOREIGN KEY (led_id, member_id) REFERENCES member (led_id, id)
);
CREATE INDEX contribution_member ON contribution (led_id, member_id) WHERE member_id IS NOT NULL;

-- An operating expense paid out of cash or bank: Dr expense · Cr cash/bank.
CREATE TABLE expense (
    led_id          uuid           NOT NULL REFERENCES led (id),
    id              uuid           NOT NULL,
    account_code    varchar(20)    NOT NULL,
    amount          numeric(18, 2) NOT NULL CHECK (amount > 0),
    paid_on         date           NOT NULL,
    description     varchar(500)   NOT NULL,
    payee           varchar(200),
    paid_from       varchar(20)    NOT NULL,
    entry_id        uuid           NOT NULL,
    recorded_at     timestamptz    NOT NULL,
    recorded_by     varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT expense_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, account_code) REFERENCES account (led_id, code),
    FOREIGN KEY (led_id, paid_from) REFERENCES account (led_id, code)
);
CREATE INDEX expense_account ON expense (led_id, account_code, paid_on);

-- The balances an LED brings from its paper books: one entry, once, before any other entry.
-- The unique led_id makes a second opening balance impossible whatever the service does.
CREATE TABLE opening_balance (
    led_id          uuid           NOT NULL REFERENCES led (id),
    id              uuid           NOT NULL,
    effective_date  date           NOT NULL,
    line_count      integer        NOT NULL CHECK (line_count >= 2),
    total           numeric(20, 2) NOT NULL CHECK (total > 0),
    entry_id        uuid           NOT NULL,
    recorded_at     timestamptz    NOT NULL,
    recorded_by     varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT opening_balance_once UNIQUE (led_id),
    CONSTRAINT opening_balance_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id)
);

-- These records are what the entries say happened; like the entries (V2), they are corrected by
-- a reversal, never edited or deleted.
CREATE TRIGGER district_grant_immutable BEFORE UPDATE OR DELETE ON district_grant
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER contribution_immutable BEFORE UPDATE OR DELETE ON contribution
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER expense_immutable BEFORE UPDATE OR DELETE ON expense
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER opening_balance_immutable BEFORE UPDATE OR DELETE ON opening_balance
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
