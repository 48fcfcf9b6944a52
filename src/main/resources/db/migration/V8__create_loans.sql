-- Member loans (DESIGN §3): products, the LED's lending settings, loans with their schedules,
-- disbursements, repayments and their reversals, transfers between cash and bank, and manual
-- adjustments waiting for a second manager (maker-checker, DESIGN §6). Every money movement is
-- one journal entry written in the same transaction as these rows (entry_id), and the entry's
-- reference points back. led_id leads every key and index (DESIGN §1).

-- The LED's lending settings; no row means the documented defaults (LendingSettings.DEFAULTS).
-- time_zone is the LED's calendar for "today" in every effective-date check, the core's included.
CREATE TABLE lending_settings (
    led_id                          uuid           PRIMARY KEY REFERENCES led (id),
    approval_threshold              numeric(18, 2) NOT NULL CHECK (approval_threshold >= 0),
    allocation_order                varchar(30)    NOT NULL
        CHECK (allocation_order IN ('PENALTY_INTEREST_PRINCIPAL', 'INTEREST_PRINCIPAL_PENALTY')),
    rounding_step                   numeric(18, 2) NOT NULL CHECK (rounding_step > 0),
    rounding_mode                   varchar(10)    NOT NULL CHECK (rounding_mode IN ('HALF_UP', 'UP', 'DOWN')),
    disbursement_account            varchar(20)    NOT NULL,
    collection_account              varchar(20)    NOT NULL,
    time_zone                       varchar(40)    NOT NULL
        CHECK (time_zone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
    adjustment_approval_threshold   numeric(18, 2) CHECK (adjustment_approval_threshold >= 0),
    updated_at                      timestamptz    NOT NULL,
    updated_by                      varchar(200)   NOT NULL,
    FOREIGN KEY (led_id, disbursement_account) REFERENCES account (led_id, code),
    FOREIGN KEY (led_id, collection_account) REFERENCES account (led_id, code)
);

-- A loan product fixes the terms a loan is offered on. A product in use is never edited: a new
-- version is a new product; only `active` may change (retiring it), which the trigger enforces.
CREATE TABLE loan_product (
    led_id                  uuid           NOT NULL REFERENCES led (id),
    id                      uuid           NOT NULL,
    name                    varchar(200)   NOT NULL,
    interest_method         varchar(20)    NOT NULL
        CHECK (interest_method IN ('FLAT', 'DECLINING_BALANCE', 'EQUAL_PRINCIPAL')),
    interest_rate           numeric(9, 4)  NOT NULL CHECK (interest_rate >= 0 AND interest_rate <= 100),
    rate_period             varchar(5)     NOT NULL CHECK (rate_period IN ('MONTH', 'YEAR')),
    frequency               varchar(7)     NOT NULL CHECK (frequency IN ('MONTHLY', 'WEEKLY')),
    installments            integer        NOT NULL CHECK (installments BETWEEN 1 AND 1040),
    grace_installments      integer        NOT NULL CHECK (grace_installments >= 0),
    admin_fee_percent       numeric(7, 4)  NOT NULL CHECK (admin_fee_percent >= 0 AND admin_fee_percent <= 100),
    penalty_rate_per_day    numeric(7, 4)  CHECK (penalty_rate_per_day >= 0 AND penalty_rate_per_day <= 10),
    min_principal           numeric(18, 2) CHECK (min_principal > 0),
    max_principal           numeric(18, 2) CHECK (max_principal > 0),
    min_installments        integer        CHECK (min_installments >= 1),
    max_installments        integer        CHECK (max_installments <= 1040),
    active                  boolean        NOT NULL,
    created_at              timestamptz    NOT NULL,
    created_by              varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT loan_product_name_unique UNIQUE (led_id, name),
    CONSTRAINT loan_product_grace_below_installments CHECK (grace_installments < installments),
    CONSTRAINT loan_product_principal_bounds CHECK (min_principal IS NULL OR max_principal IS NULL
        OR min_principal <= max_principal),
    CONSTRAINT loan_product_installment_bounds CHECK (min_installments IS NULL OR max_installments IS NULL
        OR min_installments <= max_installments)
);

CREATE FUNCTION loan_product_only_retires() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (to_jsonb(NEW) - 'active') IS DISTINCT FROM (to_jsonb(OLD) - 'active') THEN
        RAISE EXCEPTION 'a loan product is never edited; create a new product instead'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER loan_product_immutable BEFORE UPDATE OR DELETE ON loan_product
    FOR EACH ROW EXECUTE FUNCTION loan_product_only_retires();

-- A member's loan and its current state. The terms it was applied and disbursed with are copied
-- here (installments, rate, and at disbursement the LED's rounding and allocation order), so a
-- later settings change never touches a running loan. outstanding_principal is kept in the same
-- transaction as every repayment: the sum over all loans equals account 1-1300 at every commit.
CREATE TABLE loan (
    led_id                  uuid           NOT NULL REFERENCES led (id),
    id                      uuid           NOT NULL,
    member_id               uuid           NOT NULL,
    product_id              uuid           NOT NULL,
    group_id                uuid,
    grant_id                uuid,
    purpose                 varchar(500)   NOT NULL,
    principal               numeric(18, 2) NOT NULL CHECK (principal > 0),
    installments            integer        NOT NULL CHECK (installments >= 1),
    interest_rate           numeric(9, 4)  NOT NULL CHECK (interest_rate >= 0),
    status                  varchar(12)    NOT NULL
        CHECK (status IN ('APPLIED', 'APPROVED', 'REJECTED', 'DISBURSED', 'CLOSED', 'WRITTEN_OFF')),
    applied_at              timestamptz    NOT NULL,
    applied_by              varchar(200)   NOT NULL,
    decided_at              timestamptz,
    decided_by              varchar(200),
    decision_note           varchar(500),
    disbursement_id         uuid,
    disbursed_on            date,
    rounding_step           numeric(18, 2),
    rounding_mode           varchar(10),
    allocation_order        varchar(30),
    outstanding_principal   numeric(18, 2) NOT NULL CHECK (outstanding_principal >= 0),
    repayment_count         integer        NOT NULL DEFAULT 0,
    -- The latest paid_on and reversal date ever recorded on the loan: an as-of read for a day on
    -- or after both can use the current state instead of rebuilding it from dated rows.
    latest_event_on         date,
    closed_on               date,
    updated_at              timestamptz    NOT NULL,
    PRIMARY KEY (led_id, id),
    FOREIGN KEY (led_id, member_id) REFERENCES member (led_id, id),
    FOREIGN KEY (led_id, product_id) REFERENCES loan_product (led_id, id),
    FOREIGN KEY (led_id, group_id) REFERENCES kub_group (led_id, id),
    FOREIGN KEY (led_id, grant_id) REFERENCES district_grant (led_id, id)
);
CREATE INDEX loan_member ON loan (led_id, member_id, id);
CREATE INDEX loan_group ON loan (led_id, group_id, id) WHERE group_id IS NOT NULL;
CREATE INDEX loan_status ON loan (led_id, status, id);

-- The schedule fixed at disbursement, with what has been paid of each installment. Amounts
-- change only through a repayment (and back through its reversal); paid never exceeds due.
CREATE TABLE loan_installment (
    led_id              uuid           NOT NULL,
    loan_id             uuid           NOT NULL,
    number              integer        NOT NULL CHECK (number >= 1),
    due_on              date           NOT NULL,
    principal           numeric(18, 2) NOT NULL CHECK (principal >= 0),
    interest            numeric(18, 2) NOT NULL CHECK (interest >= 0),
    paid_principal      numeric(18, 2) NOT NULL CHECK (paid_principal >= 0 AND paid_principal <= principal),
    paid_interest       numeric(18, 2) NOT NULL CHECK (paid_interest >= 0 AND paid_interest <= interest),
    penalty_charged     numeric(18, 2) NOT NULL CHECK (penalty_charged >= 0),
    paid_penalty        numeric(18, 2) NOT NULL CHECK (paid_penalty >= 0 AND paid_penalty <= penalty_charged),
    penalty_through     date,
    PRIMARY KEY (led_id, loan_id, number),
    FOREIGN KEY (led_id, loan_id) REFERENCES loan (led_id, id)
);

-- Every disbursement ever made, standing or reversed; never changed.
CREATE TABLE loan_disbursement (
    led_id              uuid           NOT NULL,
    id                  uuid           NOT NULL,
    loan_id             uuid           NOT NULL,
    disbursed_on        date           NOT NULL,
    principal           numeric(18, 2) NOT NULL CHECK (principal > 0),
    admin_fee           numeric(18, 2) NOT NULL CHECK (admin_fee >= 0),
    paid_from           varchar(20)    NOT NULL,
    fee_account         varchar(20)    NOT NULL,
    entry_id            uuid           NOT NULL,
    recorded_at         timestamptz    NOT NULL,
    recorded_by         varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT loan_disbursement_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, loan_id) REFERENCES loan (led_id, id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, paid_from) REFERENCES account (led_id, code),
    FOREIGN KEY (led_id, fee_account) REFERENCES account (led_id, code)
);
CREATE INDEX loan_disbursement_loan ON loan_disbursement (led_id, loan_id);

-- Every repayment, standing or reversed; never changed. installments_before holds the
-- installments this repayment changed as they were before it, so that reversing the latest
-- standing repayment restores the schedule exactly without re-allocating anything.
CREATE TABLE loan_repayment (
    led_id              uuid           NOT NULL,
    id                  uuid           NOT NULL,
    loan_id             uuid           NOT NULL,
    seq                 integer        NOT NULL CHECK (seq >= 1),
    amount              numeric(18, 2) NOT NULL CHECK (amount > 0),
    paid_on             date           NOT NULL,
    account             varchar(20)    NOT NULL,
    penalty             numeric(18, 2) NOT NULL CHECK (penalty >= 0),
    interest            numeric(18, 2) NOT NULL CHECK (interest >= 0),
    principal           numeric(18, 2) NOT NULL CHECK (principal >= 0),
    installments_before jsonb          NOT NULL,
    entry_id            uuid           NOT NULL,
    recorded_at         timestamptz    NOT NULL,
    recorded_by         varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT loan_repayment_seq_unique UNIQUE (led_id, loan_id, seq),
    CONSTRAINT loan_repayment_entry_unique UNIQUE (led_id, entry_id),
    CONSTRAINT loan_repayment_allocated CHECK (penalty + interest + principal = amount),
    FOREIGN KEY (led_id, loan_id) REFERENCES loan (led_id, id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, account) REFERENCES account (led_id, code)
);

-- What one repayment paid of each installment it touched (and the penalty it charged there).
CREATE TABLE loan_repayment_line (
    led_id              uuid           NOT NULL,
    repayment_id        uuid           NOT NULL,
    number              integer        NOT NULL,
    penalty_accrued     numeric(18, 2) NOT NULL CHECK (penalty_accrued >= 0),
    penalty             numeric(18, 2) NOT NULL CHECK (penalty >= 0),
    interest            numeric(18, 2) NOT NULL CHECK (interest >= 0),
    principal           numeric(18, 2) NOT NULL CHECK (principal >= 0),
    PRIMARY KEY (led_id, repayment_id, number),
    FOREIGN KEY (led_id, repayment_id) REFERENCES loan_repayment (led_id, id)
);

-- The reversal of a disbursement or a repayment; each is reversed at most once, never changed.
CREATE TABLE loan_reversal (
    led_id              uuid           NOT NULL,
    id                  uuid           NOT NULL,
    loan_id             uuid           NOT NULL,
    target              varchar(12)    NOT NULL CHECK (target IN ('DISBURSEMENT', 'REPAYMENT')),
    target_id           uuid           NOT NULL,
    effective_date      date           NOT NULL,
    reason              varchar(500)   NOT NULL,
    entry_id            uuid           NOT NULL,
    recorded_at         timestamptz    NOT NULL,
    recorded_by         varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT loan_reversal_once UNIQUE (led_id, target_id),
    CONSTRAINT loan_reversal_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, loan_id) REFERENCES loan (led_id, id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id)
);
CREATE INDEX loan_reversal_loan ON loan_reversal (led_id, loan_id);

-- Money moved between the LED's own cash and bank accounts (kind TRANSFER).
CREATE TABLE cash_transfer (
    led_id              uuid           NOT NULL REFERENCES led (id),
    id                  uuid           NOT NULL,
    from_account        varchar(20)    NOT NULL,
    to_account          varchar(20)    NOT NULL,
    amount              numeric(18, 2) NOT NULL CHECK (amount > 0),
    transferred_on      date           NOT NULL,
    description         varchar(500)   NOT NULL,
    entry_id            uuid           NOT NULL,
    recorded_at         timestamptz    NOT NULL,
    recorded_by         varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT cash_transfer_distinct CHECK (from_account <> to_account),
    CONSTRAINT cash_transfer_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, from_account) REFERENCES account (led_id, code),
    FOREIGN KEY (led_id, to_account) REFERENCES account (led_id, code)
);

-- A manual adjustment above the LED's adjustment approval threshold waits here for a second
-- manager. It is not a journal entry: it gets its number only when approved.
CREATE TABLE pending_adjustment (
    led_id              uuid           NOT NULL REFERENCES led (id),
    id                  uuid           NOT NULL,
    request             jsonb          NOT NULL,
    total               numeric(18, 2) NOT NULL CHECK (total > 0),
    status              varchar(10)    NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_at        timestamptz    NOT NULL,
    requested_by        varchar(200)   NOT NULL,
    decided_at          timestamptz,
    decided_by          varchar(200),
    decision_note       varchar(500),
    entry_id            uuid,
    PRIMARY KEY (led_id, id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id)
);
CREATE INDEX pending_adjustment_waiting ON pending_adjustment (led_id, id) WHERE status = 'PENDING';

CREATE TRIGGER loan_disbursement_immutable BEFORE UPDATE OR DELETE ON loan_disbursement
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER loan_repayment_immutable BEFORE UPDATE OR DELETE ON loan_repayment
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER loan_repayment_line_immutable BEFORE UPDATE OR DELETE ON loan_repayment_line
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER loan_reversal_immutable BEFORE UPDATE OR DELETE ON loan_reversal
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER cash_transfer_immutable BEFORE UPDATE OR DELETE ON cash_transfer
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
-- UPDATE stays granted on loan_repayment only because the foreign key of its lines locks it FOR
-- KEY SHARE (as on journal_entry, V2); the trigger still refuses every UPDATE.
REVOKE UPDATE, DELETE, TRUNCATE ON loan_disbursement, loan_repayment_line, loan_reversal, cash_transfer
    FROM CURRENT_USER;
REVOKE DELETE, TRUNCATE ON loan_repayment FROM CURRENT_USER;
