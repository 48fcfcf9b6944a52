-- KUB group loans (tanggung renteng, joint liability): one application for a group whose members'
-- shares are loans of their own (each with its schedule), approved and disbursed together in one
-- entry, and repaid by the group together, one entry a payment spread over the shares. Every
-- share keeps the rows a single loan has (loan_disbursement, loan_repayment with its lines,
-- loan_reversal), so every single-loan read works unchanged; those rows of one group movement
-- share its one journal entry, so the one-entry-per-row constraints go.

CREATE TABLE group_loan (
    led_id              uuid           NOT NULL REFERENCES led (id),
    id                  uuid           NOT NULL,
    group_id            uuid           NOT NULL,
    product_id          uuid           NOT NULL,
    grant_id            uuid,
    purpose             varchar(500)   NOT NULL,
    principal           numeric(18, 2) NOT NULL CHECK (principal > 0),
    shares              integer        NOT NULL CHECK (shares >= 1),
    applied_at          timestamptz    NOT NULL,
    applied_by          varchar(200)   NOT NULL,
    disbursement_entry_id uuid,
    PRIMARY KEY (led_id, id),
    FOREIGN KEY (led_id, group_id) REFERENCES kub_group (led_id, id),
    FOREIGN KEY (led_id, product_id) REFERENCES loan_product (led_id, id),
    FOREIGN KEY (led_id, grant_id) REFERENCES district_grant (led_id, id),
    FOREIGN KEY (led_id, disbursement_entry_id) REFERENCES journal_entry (led_id, id)
);
CREATE INDEX group_loan_group ON group_loan (led_id, group_id, id);

-- A share of a group loan is a loan; group_loan_id ties it to its group loan. The shares are
-- applied for (and checked) before the group loan's row is written, so the key is checked at commit.
ALTER TABLE loan ADD COLUMN group_loan_id uuid;
ALTER TABLE loan ADD CONSTRAINT loan_group_loan_fk FOREIGN KEY (led_id, group_loan_id)
    REFERENCES group_loan (led_id, id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX loan_group_loan ON loan (led_id, group_loan_id, id) WHERE group_loan_id IS NOT NULL;

-- A payment the group made together; its split is the loan_repayment rows that point at it.
CREATE TABLE group_repayment (
    led_id              uuid           NOT NULL,
    id                  uuid           NOT NULL,
    group_loan_id       uuid           NOT NULL,
    seq                 integer        NOT NULL CHECK (seq >= 1),
    amount              numeric(18, 2) NOT NULL CHECK (amount > 0),
    paid_on             date           NOT NULL,
    account             varchar(20)    NOT NULL,
    for_member_id       uuid,
    entry_id            uuid           NOT NULL,
    recorded_at         timestamptz    NOT NULL,
    recorded_by         varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT group_repayment_seq_unique UNIQUE (led_id, group_loan_id, seq),
    CONSTRAINT group_repayment_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, group_loan_id) REFERENCES group_loan (led_id, id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, account) REFERENCES account (led_id, code),
    FOREIGN KEY (led_id, for_member_id) REFERENCES member (led_id, id)
);

-- The reversal of a group payment (a bounced transfer); each share also gets its loan_reversal row.
CREATE TABLE group_repayment_reversal (
    led_id              uuid           NOT NULL,
    id                  uuid           NOT NULL,
    group_repayment_id  uuid           NOT NULL,
    effective_date      date           NOT NULL,
    reason              varchar(500)   NOT NULL,
    entry_id            uuid           NOT NULL,
    recorded_at         timestamptz    NOT NULL,
    recorded_by         varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT group_repayment_reversal_once UNIQUE (led_id, group_repayment_id),
    CONSTRAINT group_repayment_reversal_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, group_repayment_id) REFERENCES group_repayment (led_id, id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id)
);

-- A share's repayment made through the group points at the group payment (written after the
-- entry, so the key is checked at commit).
ALTER TABLE loan_repayment ADD COLUMN group_repayment_id uuid;
ALTER TABLE loan_repayment ADD CONSTRAINT loan_repayment_group_fk FOREIGN KEY (led_id, group_repayment_id)
    REFERENCES group_repayment (led_id, id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX loan_repayment_group ON loan_repayment (led_id, group_repayment_id)
    WHERE group_repayment_id IS NOT NULL;

ALTER TABLE loan_disbursement DROP CONSTRAINT loan_disbursement_entry_unique;
ALTER TABLE loan_repayment DROP CONSTRAINT loan_repayment_entry_unique;
ALTER TABLE loan_reversal DROP CONSTRAINT loan_reversal_entry_unique;
CREATE INDEX loan_disbursement_entry ON loan_disbursement (led_id, entry_id);
CREATE INDEX loan_repayment_entry ON loan_repayment (led_id, entry_id);

CREATE TRIGGER group_repayment_immutable BEFORE UPDATE OR DELETE ON group_repayment
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER group_repayment_reversal_immutable BEFORE UPDATE OR DELETE ON group_repayment_reversal
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
-- UPDATE stays granted on group_repayment only for the key-share lock of the rows referencing it.
REVOKE DELETE, TRUNCATE ON group_repayment FROM CURRENT_USER;
REVOKE UPDATE, DELETE, TRUNCATE ON group_repayment_reversal FROM CURRENT_USER;
