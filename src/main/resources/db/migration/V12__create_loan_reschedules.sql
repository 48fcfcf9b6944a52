-- Loan rescheduling (restrukturisasi, DESIGN §3): a disbursed loan's schedule is replaced from a day
-- `on` by a new version over the outstanding principal. loan_installment keeps holding the current
-- version only, so the repayment path reads and writes it as before; a superseded version's
-- installments are frozen in loan_schedule_installment as they stood when it was replaced. No
-- money moves, so no journal entry: what the past installments still owed moves to the new one.

-- schedule_version is the version loan_installment holds (1 = the disbursement's schedule);
-- rescheduled_on the day the current version took over (null while never rescheduled);
-- carried_interest what its first installment carries from the versions before, which repricing after a
-- prepayment keeps (the allocator's RepaymentTerms.carriedInterest).
ALTER TABLE loan
    ADD COLUMN schedule_version integer NOT NULL DEFAULT 1 CHECK (schedule_version >= 1),
    ADD COLUMN rescheduled_on   date,
    ADD COLUMN carried_interest numeric(18, 2) NOT NULL DEFAULT 0 CHECK (carried_interest >= 0),
    ADD CONSTRAINT loan_rescheduled_on_version CHECK ((schedule_version = 1) = (rescheduled_on IS NULL));

-- One row per reschedule: the version it started (2, 3, …), its terms and the terms it replaced,
-- what it carried over from the past installments, and the loan's arrears measures on `starts_on`.
-- repayments_before is the loan's repayment count when it took over: repayments with a higher
-- seq are allocated against this version (or a later one), the others against earlier ones.
CREATE TABLE loan_schedule_version (
    led_id              uuid           NOT NULL,
    loan_id             uuid           NOT NULL,
    version             integer        NOT NULL CHECK (version >= 2),
    starts_on           date           NOT NULL,
    principal           numeric(18, 2) NOT NULL CHECK (principal > 0),
    installments        integer        NOT NULL CHECK (installments BETWEEN 1 AND 1040),
    interest_rate       numeric(9, 4)  NOT NULL CHECK (interest_rate >= 0 AND interest_rate <= 100),
    grace_installments  integer        NOT NULL CHECK (grace_installments >= 0),
    from_installments   integer        NOT NULL,
    from_interest_rate  numeric(9, 4)  NOT NULL,
    carried_interest    numeric(18, 2) NOT NULL CHECK (carried_interest >= 0),
    carried_penalty     numeric(18, 2) NOT NULL CHECK (carried_penalty >= 0),
    days_past_due       integer        NOT NULL CHECK (days_past_due >= 0),
    missed_installments integer        NOT NULL CHECK (missed_installments >= 0),
    repayments_before   integer        NOT NULL CHECK (repayments_before >= 0),
    reason              varchar(500)   NOT NULL,
    requested_by        varchar(200)   NOT NULL,
    approved_by         varchar(200),
    recorded_at         timestamptz    NOT NULL,
    PRIMARY KEY (led_id, loan_id, version),
    CONSTRAINT loan_schedule_version_grace CHECK (grace_installments < installments),
    FOREIGN KEY (led_id, loan_id) REFERENCES loan (led_id, id)
);

-- The installments of a superseded version, as they stood the day it was replaced; never changed.
CREATE TABLE loan_schedule_installment (
    led_id              uuid           NOT NULL,
    loan_id             uuid           NOT NULL,
    version             integer        NOT NULL CHECK (version >= 1),
    number              integer        NOT NULL CHECK (number >= 1),
    due_on              date           NOT NULL,
    principal           numeric(18, 2) NOT NULL CHECK (principal >= 0),
    interest            numeric(18, 2) NOT NULL CHECK (interest >= 0),
    paid_principal      numeric(18, 2) NOT NULL CHECK (paid_principal >= 0 AND paid_principal <= principal),
    paid_interest       numeric(18, 2) NOT NULL CHECK (paid_interest >= 0 AND paid_interest <= interest),
    penalty_charged     numeric(18, 2) NOT NULL CHECK (penalty_charged >= 0),
    paid_penalty        numeric(18, 2) NOT NULL CHECK (paid_penalty >= 0 AND paid_penalty <= penalty_charged),
    penalty_through     date,
    PRIMARY KEY (led_id, loan_id, version, number),
    FOREIGN KEY (led_id, loan_id) REFERENCES loan (led_id, id)
);

-- A loan decision waiting for a second manager (maker–checker, DESIGN §6): the request as made, the
-- loan's outstanding principal then, and the decision. `action` names what it would do; one
-- request at most is open per loan, whatever its action.
CREATE TABLE loan_pending_request (
    led_id                  uuid           NOT NULL,
    id                      uuid           NOT NULL,
    loan_id                 uuid           NOT NULL,
    action                  varchar(20)    NOT NULL CHECK (action IN ('RESCHEDULE')),
    request                 jsonb          NOT NULL,
    outstanding_principal   numeric(18, 2) NOT NULL CHECK (outstanding_principal >= 0),
    status                  varchar(10)    NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_at            timestamptz    NOT NULL,
    requested_by            varchar(200)   NOT NULL,
    decided_at              timestamptz,
    decided_by              varchar(200),
    decision_note           varchar(500),
    PRIMARY KEY (led_id, id),
    CONSTRAINT loan_pending_request_decided CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    FOREIGN KEY (led_id, loan_id) REFERENCES loan (led_id, id)
);
CREATE UNIQUE INDEX loan_pending_request_open ON loan_pending_request (led_id, loan_id) WHERE status = 'PENDING';

CREATE TRIGGER loan_schedule_version_immutable BEFORE UPDATE OR DELETE ON loan_schedule_version
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER loan_schedule_installment_immutable BEFORE UPDATE OR DELETE ON loan_schedule_installment
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
REVOKE UPDATE, DELETE, TRUNCATE ON loan_schedule_version, loan_schedule_installment FROM CURRENT_USER;
REVOKE DELETE, TRUNCATE ON loan_pending_request FROM CURRENT_USER;
