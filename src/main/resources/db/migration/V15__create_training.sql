-- The community economic training programme (DESIGN §4): programmes with their modules and funding
-- lines, sessions and attendance, trainees (each a member of the LED) with evaluations, feedback,
-- completion or withdrawal, a mentor and monitoring outcomes, and the capital given to trainees.
-- Every row keeps the day it happened (enrolled_on, held_on, evaluated_on, given_on, recorded_on,
-- ...) so that the programme's indicators and quarterly reports are set-based reads over date
-- ranges; a trainee's segment and gender are kept on the trainee so they group without a join.

CREATE TABLE training_programme (
    led_id              uuid          NOT NULL REFERENCES led (id),
    id                  uuid          NOT NULL,
    name                varchar(200)  NOT NULL,
    starts_on           date          NOT NULL,
    ends_on             date          NOT NULL,
    venue               varchar(200),
    venue_type          varchar(20)   CHECK (venue_type IN ('VILLAGE_HALL', 'PUBLIC_SPACE', 'SUBDISTRICT_OFFICE', 'OTHER')),
    segment             varchar(10)   CHECK (segment IN ('YOUTH', 'ADULT', 'ELDERLY')),
    sessions_per_week   integer       CHECK (sessions_per_week BETWEEN 1 AND 14),
    hours_per_session   numeric(4, 1) CHECK (hours_per_session > 0 AND hours_per_session <= 24),
    created_at          timestamptz   NOT NULL,
    created_by          varchar(200)  NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT training_programme_dates CHECK (ends_on >= starts_on)
);

CREATE TABLE training_module (
    led_id        uuid          NOT NULL,
    programme_id  uuid          NOT NULL,
    code          varchar(20)   NOT NULL,
    position      integer       NOT NULL,
    title         varchar(200)  NOT NULL,
    area          varchar(30)   NOT NULL CHECK (area IN ('ENTREPRENEURSHIP', 'DIGITAL_BUSINESS', 'PRODUCTION_SKILLS',
                                                         'FINANCIAL_MANAGEMENT', 'OTHER')),
    PRIMARY KEY (led_id, programme_id, code),
    FOREIGN KEY (led_id, programme_id) REFERENCES training_programme (led_id, id)
);

-- What a funder pledged to the programme. Receipts and expenses name the line by its name.
CREATE TABLE training_funding_line (
    led_id        uuid           NOT NULL,
    programme_id  uuid           NOT NULL,
    name          varchar(200)   NOT NULL,
    position      integer        NOT NULL,
    source        varchar(20)    NOT NULL CHECK (source IN ('APBD', 'SPONSOR', 'COMMUNITY', 'OTHER')),
    pledged       numeric(18, 2) NOT NULL CHECK (pledged > 0),
    PRIMARY KEY (led_id, programme_id, name),
    FOREIGN KEY (led_id, programme_id) REFERENCES training_programme (led_id, id)
);

CREATE TABLE training_session (
    led_id        uuid          NOT NULL,
    id            uuid          NOT NULL,
    programme_id  uuid          NOT NULL,
    module_code   varchar(20)   NOT NULL,
    held_on       date          NOT NULL,
    topic         varchar(300),
    method        varchar(20)   CHECK (method IN ('WORKSHOP', 'MENTORING', 'CASE_STUDY')),
    hours         numeric(4, 1) CHECK (hours > 0 AND hours <= 24),
    recorded_at   timestamptz   NOT NULL,
    recorded_by   varchar(200)  NOT NULL,
    PRIMARY KEY (led_id, id),
    FOREIGN KEY (led_id, programme_id) REFERENCES training_programme (led_id, id),
    FOREIGN KEY (led_id, programme_id, module_code) REFERENCES training_module (led_id, programme_id, code)
);
CREATE INDEX training_session_programme ON training_session (led_id, programme_id, held_on);

-- A person in a programme: always a member of the LED (a newcomer is registered as one on enrolment).
CREATE TABLE trainee (
    led_id             uuid          NOT NULL,
    id                 uuid          NOT NULL,
    programme_id       uuid          NOT NULL,
    member_id          uuid          NOT NULL,
    enrolled_on        date          NOT NULL,
    -- From the age in completed years on the programme's start; with gender, fixed like the member's.
    segment            varchar(10)   NOT NULL CHECK (segment IN ('YOUTH', 'ADULT', 'ELDERLY')),
    gender             char(1)       NOT NULL CHECK (gender IN ('F', 'M')),
    status             varchar(12)   NOT NULL CHECK (status IN ('ENROLLED', 'COMPLETED', 'WITHDRAWN')),
    completed_on       date,
    withdrawn_on       date,
    withdrawal_reason  varchar(500),
    mentor_name        varchar(200),
    mentor_field       varchar(200),
    created_at         timestamptz   NOT NULL,
    created_by         varchar(200)  NOT NULL,
    updated_at         timestamptz   NOT NULL,
    updated_by         varchar(200)  NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT trainee_once_per_programme UNIQUE (led_id, programme_id, member_id),
    FOREIGN KEY (led_id, programme_id) REFERENCES training_programme (led_id, id),
    FOREIGN KEY (led_id, member_id) REFERENCES member (led_id, id),
    CONSTRAINT trainee_exit CHECK (
        (status = 'ENROLLED' AND completed_on IS NULL AND withdrawn_on IS NULL)
        OR (status = 'COMPLETED' AND completed_on >= enrolled_on AND withdrawn_on IS NULL)
        OR (status = 'WITHDRAWN' AND withdrawn_on >= enrolled_on AND completed_on IS NULL))
);
-- The capital view and the trained-versus-untrained comparison find trainees by member.
CREATE INDEX trainee_member ON trainee (led_id, member_id);

CREATE TABLE training_attendance (
    led_id      uuid  NOT NULL,
    session_id  uuid  NOT NULL,
    trainee_id  uuid  NOT NULL,
    PRIMARY KEY (led_id, session_id, trainee_id),
    FOREIGN KEY (led_id, session_id) REFERENCES training_session (led_id, id),
    FOREIGN KEY (led_id, trainee_id) REFERENCES trainee (led_id, id)
);
CREATE INDEX training_attendance_trainee ON training_attendance (led_id, trainee_id);

-- One evaluation per trainee and module; a correction updates it and the audit trail keeps the old score.
CREATE TABLE training_evaluation (
    led_id        uuid          NOT NULL,
    id            uuid          NOT NULL,
    trainee_id    uuid          NOT NULL,
    programme_id  uuid          NOT NULL,
    module_code   varchar(20)   NOT NULL,
    score         integer       NOT NULL CHECK (score BETWEEN 0 AND 100),
    evaluated_on  date          NOT NULL,
    recorded_at   timestamptz   NOT NULL,
    recorded_by   varchar(200)  NOT NULL,
    updated_at    timestamptz   NOT NULL,
    updated_by    varchar(200)  NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT training_evaluation_once UNIQUE (led_id, trainee_id, module_code),
    FOREIGN KEY (led_id, trainee_id) REFERENCES trainee (led_id, id),
    FOREIGN KEY (led_id, programme_id, module_code) REFERENCES training_module (led_id, programme_id, code)
);
CREATE INDEX training_evaluation_programme ON training_evaluation (led_id, programme_id, module_code);

CREATE TABLE training_feedback (
    led_id       uuid          NOT NULL,
    id           uuid          NOT NULL,
    trainee_id   uuid          NOT NULL,
    given_on     date          NOT NULL,
    rating       integer       NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment      varchar(1000),
    recorded_at  timestamptz   NOT NULL,
    recorded_by  varchar(200)  NOT NULL,
    PRIMARY KEY (led_id, id),
    FOREIGN KEY (led_id, trainee_id) REFERENCES trainee (led_id, id)
);
CREATE INDEX training_feedback_trainee ON training_feedback (led_id, trainee_id, given_on);

-- Monitoring: a baseline at enrolment and follow-ups later; the latest counts as "now".
CREATE TABLE training_outcome (
    led_id            uuid           NOT NULL,
    id                uuid           NOT NULL,
    trainee_id        uuid           NOT NULL,
    recorded_on       date           NOT NULL,
    monthly_income    numeric(18, 2) NOT NULL CHECK (monthly_income >= 0),
    employed          boolean        NOT NULL,
    business_started  boolean        NOT NULL,
    business_name     varchar(200),
    business_sector   varchar(200),
    joined_group_id   uuid,
    recorded_at       timestamptz    NOT NULL,
    recorded_by       varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    FOREIGN KEY (led_id, trainee_id) REFERENCES trainee (led_id, id),
    FOREIGN KEY (led_id, joined_group_id) REFERENCES kub_group (led_id, id)
);
CREATE INDEX training_outcome_trainee ON training_outcome (led_id, trainee_id, recorded_on);

-- Money received for a programme: Dr the collection account · Cr other income, referencing the programme.
CREATE TABLE training_funding_receipt (
    led_id        uuid           NOT NULL,
    id            uuid           NOT NULL,
    programme_id  uuid           NOT NULL,
    funding_line  varchar(200)   NOT NULL,
    amount        numeric(18, 2) NOT NULL CHECK (amount > 0),
    received_on   date           NOT NULL,
    account_code  varchar(20)    NOT NULL,
    entry_id      uuid           NOT NULL,
    recorded_at   timestamptz    NOT NULL,
    recorded_by   varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT training_funding_receipt_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, programme_id, funding_line) REFERENCES training_funding_line (led_id, programme_id, name),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, account_code) REFERENCES account (led_id, code)
);
CREATE INDEX training_funding_receipt_programme ON training_funding_receipt (led_id, programme_id, received_on);

-- Money the programme spent: Dr training expense (or the account given) · Cr the paying account.
CREATE TABLE training_expense (
    led_id        uuid           NOT NULL,
    id            uuid           NOT NULL,
    programme_id  uuid           NOT NULL,
    funding_line  varchar(200),
    amount        numeric(18, 2) NOT NULL CHECK (amount > 0),
    paid_on       date           NOT NULL,
    description   varchar(500)   NOT NULL,
    account_code  varchar(20)    NOT NULL,
    paid_from     varchar(20)    NOT NULL,
    entry_id      uuid           NOT NULL,
    recorded_at   timestamptz    NOT NULL,
    recorded_by   varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT training_expense_entry_unique UNIQUE (led_id, entry_id),
    FOREIGN KEY (led_id, programme_id) REFERENCES training_programme (led_id, id),
    FOREIGN KEY (led_id, programme_id, funding_line) REFERENCES training_funding_line (led_id, programme_id, name),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, account_code) REFERENCES account (led_id, code),
    FOREIGN KEY (led_id, paid_from) REFERENCES account (led_id, code)
);
CREATE INDEX training_expense_programme ON training_expense (led_id, programme_id, paid_on);

-- Capital assistance (bantuan modal) given to a trainee, in cash or in kind. Paid by the LED it has
-- an entry (Dr capital assistance expense · Cr the paying account); given directly by a sponsor it
-- has none, and still counts as capital the trainee received. member_id is the trainee's, copied so
-- that a member's capital (loans and assistance) reads by member.
CREATE TABLE capital_assistance (
    led_id        uuid           NOT NULL,
    id            uuid           NOT NULL,
    trainee_id    uuid           NOT NULL,
    member_id     uuid           NOT NULL,
    kind          varchar(10)    NOT NULL CHECK (kind IN ('CASH', 'IN_KIND')),
    description   varchar(500)   NOT NULL,
    value         numeric(18, 2) NOT NULL CHECK (value > 0),
    given_on      date           NOT NULL,
    grant_id      uuid,
    paid_by_led   boolean        NOT NULL,
    sponsor       varchar(200),
    paid_from     varchar(20),
    entry_id      uuid,
    recorded_at   timestamptz    NOT NULL,
    recorded_by   varchar(200)   NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT capital_assistance_entry_unique UNIQUE (led_id, entry_id),
    CONSTRAINT capital_assistance_booked CHECK (paid_by_led = (entry_id IS NOT NULL)
        AND paid_by_led = (paid_from IS NOT NULL) AND (paid_by_led OR sponsor IS NOT NULL)),
    FOREIGN KEY (led_id, trainee_id) REFERENCES trainee (led_id, id),
    FOREIGN KEY (led_id, member_id) REFERENCES member (led_id, id),
    FOREIGN KEY (led_id, grant_id) REFERENCES district_grant (led_id, id),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, paid_from) REFERENCES account (led_id, code)
);
CREATE INDEX capital_assistance_member ON capital_assistance (led_id, member_id, given_on);
CREATE INDEX capital_assistance_trainee ON capital_assistance (led_id, trainee_id, given_on);
CREATE INDEX capital_assistance_grant ON capital_assistance (led_id, grant_id) WHERE grant_id IS NOT NULL;

-- As the other money records (V5): what the entries say happened, corrected by a reversal, never edited.
CREATE TRIGGER training_funding_receipt_immutable BEFORE UPDATE OR DELETE ON training_funding_receipt
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER training_expense_immutable BEFORE UPDATE OR DELETE ON training_expense
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER capital_assistance_immutable BEFORE UPDATE OR DELETE ON capital_assistance
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
