-- Account purposes: code that posts finds the LED's account of a purpose (CASH, LOANS_RECEIVABLE,
-- RECOVERY_INCOME, ...), never a literal code. Every LED has one account of each purpose.
ALTER TABLE account ADD COLUMN purpose varchar(40);
CREATE UNIQUE INDEX account_purpose_unique ON account (led_id, purpose) WHERE purpose IS NOT NULL;

-- Until now every LED was opened with the default chart, and a code is unique within an LED, so
-- the account at a default code is the one its books opened with: it takes that purpose.
UPDATE account a SET purpose = d.purpose
  FROM (VALUES ('CASH', '1-1100'), ('BANK', '1-1200'), ('LOANS_RECEIVABLE', '1-1300'),
               ('LOAN_LOSS_ALLOWANCE', '1-1310'), ('INTEREST_RECEIVABLE', '1-1400'), ('MEMBER_SAVINGS', '2-1100'),
               ('OTHER_PAYABLES', '2-1900'), ('DISTRICT_GRANT_CAPITAL', '3-1100'), ('COMMUNITY_EQUITY', '3-1200'),
               ('RETAINED_SURPLUS', '3-1300'), ('OPENING_BALANCE_EQUITY', '3-1900'), ('INTEREST_INCOME', '4-1100'),
               ('FEE_INCOME', '4-1200'), ('PENALTY_INCOME', '4-1300'), ('OTHER_INCOME', '4-1900'),
               ('OPERATING_EXPENSE', '5-1100'), ('LOAN_LOSS_EXPENSE', '5-1200'), ('TRAINING_EXPENSE', '5-1300'),
               ('OTHER_EXPENSE', '5-1900')) AS d (purpose, code)
 WHERE a.code = d.code AND a.parent_id IS NULL AND a.owner_type IS NULL;

-- A purpose, once given, stays with its account (the cache in SystemAccounts relies on it).
CREATE FUNCTION account_purpose_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.purpose IS NOT NULL AND NEW.purpose IS DISTINCT FROM OLD.purpose THEN
        RAISE EXCEPTION 'account % of LED %: its purpose % is fixed', OLD.code, OLD.led_id, OLD.purpose
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER account_purpose_is_fixed BEFORE UPDATE OF purpose ON account
    FOR EACH ROW EXECUTE FUNCTION account_purpose_is_fixed();

-- RECOVERY_INCOME for the LEDs that exist: its default code 4-1400 where that is free, otherwise
-- the next free code of its group (4-1401, 4-1402, ...), never an account the LED made itself.
INSERT INTO account (led_id, id, code, name, type, contra, normal_side, no_negative, purpose, created_at, created_by)
SELECT l.id, gen_random_uuid(),
       (SELECT c.code FROM generate_series(1400, 1999) AS n (number)
               CROSS JOIN LATERAL (SELECT '4-' || n.number AS code) c
         WHERE NOT EXISTS (SELECT 1 FROM account taken WHERE taken.led_id = l.id AND taken.code = c.code)
         ORDER BY n.number LIMIT 1),
       'Pendapatan Pemulihan Piutang', 'INCOME', false, 'CREDIT', false, 'RECOVERY_INCOME', now(),
       'migration V9'
  FROM led l
 WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.led_id = l.id AND a.purpose = 'RECOVERY_INCOME');

-- Write-offs: a loan the LED no longer expects to collect leaves the active portfolio. Its
-- outstanding principal leaves 1-1300 (Dr the allowance, the rest Dr loan-loss expense) and the
-- loan keeps its history. What is collected on it later is recovery income, up to what was
-- written off.
ALTER TABLE loan ADD COLUMN written_off_on date;
ALTER TABLE loan ADD COLUMN written_off_principal numeric(18, 2) CHECK (written_off_principal > 0);
ALTER TABLE loan ADD COLUMN recovered numeric(18, 2) NOT NULL DEFAULT 0 CHECK (recovered >= 0);
ALTER TABLE loan ADD CONSTRAINT loan_recovered_within_write_off
    CHECK (recovered = 0 OR recovered <= written_off_principal);
ALTER TABLE loan ADD CONSTRAINT loan_written_off_state CHECK ((status = 'WRITTEN_OFF') = (written_off_on IS NOT NULL));

CREATE TABLE loan_write_off (
    led_id          uuid           NOT NULL,
    id              uuid           NOT NULL,
    loan_id         uuid           NOT NULL,
    status          varchar(16)    NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'COMPLETED', 'REJECTED')),
    written_off_on  date           NOT NULL,
    reason          varchar(500)   NOT NULL,
    -- The outstanding principal when it was requested; completing it writes off the same amount.
    principal       numeric(18, 2) NOT NULL CHECK (principal > 0),
    from_allowance  numeric(18, 2) CHECK (from_allowance >= 0),
    from_expense    numeric(18, 2) CHECK (from_expense >= 0),
    entry_id        uuid,
    requested_at    timestamptz    NOT NULL,
    requested_by    varchar(200)   NOT NULL,
    decided_at      timestamptz,
    decided_by      varchar(200),
    decision_note   varchar(500),
    PRIMARY KEY (led_id, id),
    FOREIGN KEY (led_id, loan_id) REFERENCES loan (led_id, id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    CONSTRAINT loan_write_off_completed CHECK ((status = 'COMPLETED') = (entry_id IS NOT NULL)),
    CONSTRAINT loan_write_off_split CHECK (status <> 'COMPLETED' OR from_allowance + from_expense = principal)
);
CREATE INDEX loan_write_off_loan ON loan_write_off (led_id, loan_id, requested_at);
CREATE UNIQUE INDEX loan_write_off_one_open ON loan_write_off (led_id, loan_id)
    WHERE status IN ('PENDING_APPROVAL', 'COMPLETED');
CREATE UNIQUE INDEX loan_write_off_entry ON loan_write_off (led_id, entry_id) WHERE entry_id IS NOT NULL;

-- A pending request is decided once; after that the row is history.
CREATE FUNCTION loan_write_off_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status <> 'PENDING_APPROVAL' THEN
        RAISE EXCEPTION 'a decided write-off is never changed' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER loan_write_off_decided_once BEFORE UPDATE OR DELETE ON loan_write_off
    FOR EACH ROW EXECUTE FUNCTION loan_write_off_decided_once();

CREATE TABLE loan_recovery (
    led_id       uuid           NOT NULL,
    id           uuid           NOT NULL,
    loan_id      uuid           NOT NULL,
    amount       numeric(18, 2) NOT NULL CHECK (amount > 0),
    paid_on      date           NOT NULL,
    account      varchar(20)    NOT NULL,
    entry_id     uuid           NOT NULL,
    recorded_at  timestamptz    NOT NULL,
    recorded_by  varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT loan_recovery_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, loan_id) REFERENCES loan (led_id, id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, account) REFERENCES account (led_id, code)
);
CREATE INDEX loan_recovery_loan ON loan_recovery (led_id, loan_id, paid_on);
CREATE TRIGGER loan_recovery_immutable BEFORE UPDATE OR DELETE ON loan_recovery
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();

-- As for the other loan history rows (V8): the trigger refuses changes, and the role may not
-- delete or truncate them either. A write-off keeps UPDATE: its pending request is decided once.
REVOKE UPDATE, DELETE, TRUNCATE ON loan_recovery FROM CURRENT_USER;
REVOKE DELETE, TRUNCATE ON loan_write_off FROM CURRENT_USER;
