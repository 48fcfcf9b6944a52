-- Loan quality (kolektibilitas) settings and loan-loss provisions (PPAP).

-- Each change of an LED's loan-quality setting, never edited: a preset, or a custom table. The
-- setting in force on a day is the change of the highest seq effective on or before it (none: the
-- BANK preset); effective dates never go back in seq order, which the service checks under the
-- unique seq, so a computation as of a past day reads the same setting later.
CREATE TABLE loan_quality_change (
    led_id              uuid           NOT NULL REFERENCES led (id),
    id                  uuid           NOT NULL,
    seq                 integer        NOT NULL CHECK (seq > 0),
    effective_from      date           NOT NULL,
    preset              varchar(10)    CHECK (preset IN ('BANK', 'LKM', 'UPK')),
    measure             varchar(20)    CHECK (measure IN ('DAYS_PAST_DUE', 'MISSED_INSTALLMENTS')),
    classes             jsonb,
    changed_at          timestamptz    NOT NULL,
    changed_by          varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT loan_quality_change_seq UNIQUE (led_id, seq),
    CONSTRAINT loan_quality_change_preset_or_table CHECK (
        (preset IS NOT NULL AND measure IS NULL AND classes IS NULL)
        OR (preset IS NULL AND measure IS NOT NULL AND jsonb_typeof(classes) = 'array'))
);

-- One provisioning run: the allowance the portfolio needed as of a day, what 1-1310 held then, and
-- the PROVISION entry that brought it there (none when nothing changed).
CREATE TABLE loan_provision (
    led_id              uuid           NOT NULL REFERENCES led (id),
    id                  uuid           NOT NULL,
    as_of               date           NOT NULL,
    required            numeric(18, 2) NOT NULL CHECK (required >= 0),
    booked_before       numeric(18, 2) NOT NULL,
    entry_id            uuid,
    quality_change_id   uuid,
    by_class            jsonb          NOT NULL,
    recorded_at         timestamptz    NOT NULL,
    recorded_by         varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT loan_provision_entry_unique UNIQUE (led_id, entry_id),
    CONSTRAINT loan_provision_entry_when_changed CHECK ((entry_id IS NULL) = (required = booked_before)),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, quality_change_id) REFERENCES loan_quality_change (led_id, id)
);
CREATE INDEX loan_provision_as_of ON loan_provision (led_id, as_of);

CREATE TRIGGER loan_quality_change_immutable BEFORE UPDATE OR DELETE ON loan_quality_change
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER loan_provision_immutable BEFORE UPDATE OR DELETE ON loan_provision
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
-- UPDATE stays granted on loan_quality_change only because the foreign key of provisions locks it
-- FOR KEY SHARE (as on journal_entry, V2); the trigger still refuses every UPDATE.
REVOKE UPDATE, DELETE, TRUNCATE ON loan_provision FROM CURRENT_USER;
REVOKE DELETE, TRUNCATE ON loan_quality_change FROM CURRENT_USER;
