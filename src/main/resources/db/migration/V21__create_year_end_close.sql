-- Year-end close and surplus allocation (issue 12).
--
-- 1. The accounts the village assembly's allocation posts to, for the LEDs that exist, as V9 and V16
--    added theirs: the default code where it is free, otherwise the next free code of its group,
--    never an account the LED made itself. New LEDs get them with the rest of the default chart.
INSERT INTO account (led_id, id, code, name, type, contra, normal_side, no_negative, purpose, created_at, created_by)
SELECT l.id, gen_random_uuid(),
       (SELECT c.code FROM generate_series(t.first, 1999) AS n (number)
               CROSS JOIN LATERAL (SELECT t.prefix || n.number AS code) c
         WHERE NOT EXISTS (SELECT 1 FROM account taken WHERE taken.led_id = l.id AND taken.code = c.code)
         ORDER BY n.number LIMIT 1),
       t.name, t.type, false, 'CREDIT', false, t.purpose, now(), 'migration V21'
  FROM led l
 CROSS JOIN (VALUES ('SURPLUS_CAPITAL', '3-', 1400, 'Penambahan Modal dari Surplus', 'EQUITY'),
                    ('SOCIAL_FUND', '2-', 1300, 'Dana Sosial', 'LIABILITY'),
                    ('INSTITUTION_FUND', '2-', 1400, 'Dana Kelembagaan', 'LIABILITY'))
            AS t (purpose, prefix, first, name, type)
 WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.led_id = l.id AND a.purpose = t.purpose);

-- 2. A year-end close as requested by one manager and decided by another. PENDING waits; CLOSING is
--    the moment inside the approving transaction when its closing entry is written (the only state
--    in which the journal accepts a CLOSING entry, see below); APPROVED is done; REJECTED is not.
CREATE TABLE year_end_close (
    led_id              uuid           NOT NULL REFERENCES led (id),
    id                  uuid           NOT NULL,
    year                integer        NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    allocation          jsonb          NOT NULL,
    decided_on          date           NOT NULL,
    decision_reference  varchar(200)   NOT NULL,
    status              varchar(10)    NOT NULL CHECK (status IN ('PENDING', 'CLOSING', 'APPROVED', 'REJECTED')),
    requested_at        timestamptz    NOT NULL,
    requested_by        varchar(200)   NOT NULL,
    decided_at          timestamptz,
    decided_by          varchar(200),
    decision_note       varchar(500),
    surplus             numeric(18, 2),
    shares              jsonb,
    closing_entry_id    uuid,
    allocation_entry_id uuid,
    PRIMARY KEY (led_id, id),
    FOREIGN KEY (led_id, closing_entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, allocation_entry_id) REFERENCES journal_entry (led_id, id)
);
-- A year is closed once, and at most one request for it waits at a time.
CREATE UNIQUE INDEX year_end_close_once ON year_end_close (led_id, year) WHERE status IN ('CLOSING', 'APPROVED');
CREATE UNIQUE INDEX year_end_close_one_waiting ON year_end_close (led_id, year) WHERE status = 'PENDING';
CREATE UNIQUE INDEX journal_entry_one_closing_a_day ON journal_entry (led_id, effective_date)
    WHERE kind = 'CLOSING';

-- 3. The chain trigger of V2, with one exception and one new rule: a CLOSING entry is written only
--    by a year-end close being approved (status CLOSING in the same transaction), dated December 31
--    of its year, and that one entry may land in a closed period. Nothing else may.
CREATE OR REPLACE FUNCTION journal_entry_follows_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    closed date;
    last_number bigint;
    last_hash varchar(64);
    closing boolean;
BEGIN
    closing := NEW.kind = 'CLOSING' AND EXISTS (
        SELECT 1 FROM year_end_close y
         WHERE y.led_id = NEW.led_id AND y.status = 'CLOSING' AND make_date(y.year, 12, 31) = NEW.effective_date);
    IF NEW.kind = 'CLOSING' AND NOT closing THEN
        RAISE EXCEPTION 'a CLOSING entry of LED % is written only by the approval of its year-end close', NEW.led_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entry_closing_by_year_end';
    END IF;
    SELECT closed_through INTO closed FROM journal_head WHERE led_id = NEW.led_id;
    IF closed IS NOT NULL AND NEW.effective_date <= closed AND NOT closing THEN
        RAISE EXCEPTION 'period closed through % for LED %', closed, NEW.led_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entry_period_open';
    END IF;
    SELECT number, hash INTO last_number, last_hash
      FROM journal_entry WHERE led_id = NEW.led_id ORDER BY number DESC LIMIT 1;
    IF NEW.number <> coalesce(last_number, 0) + 1
       OR NEW.previous_hash <> coalesce(last_hash, repeat('0', 64)) THEN
        RAISE EXCEPTION 'journal entry % of LED % does not follow entry %', NEW.number, NEW.led_id,
            coalesce(last_number, 0) USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entry_follows_chain';
    END IF;
    RETURN NEW;
END $$;
