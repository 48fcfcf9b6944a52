-- The double-entry ledger core (DESIGN §2). Writes go through one code path (JournalWriter); the
-- database enforces what it can on its own, so that no code path — and no hand-written SQL — can
-- break the books: balanced entries, immutable entries and postings, no-negative accounts, closed
-- periods and gapless numbering.

CREATE TABLE account (
    led_id          uuid          NOT NULL REFERENCES led (id),
    id              uuid          NOT NULL,
    code            varchar(20)   NOT NULL,
    name            varchar(200)  NOT NULL,
    type            varchar(10)   NOT NULL CHECK (type IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    -- A contra account (allowance for loan losses) has the opposite normal side of its type.
    contra          boolean       NOT NULL DEFAULT false,
    normal_side     varchar(6)    NOT NULL CHECK (normal_side IN ('DEBIT', 'CREDIT')),
    no_negative     boolean       NOT NULL DEFAULT false,
    parent_id       uuid,
    owner_type      varchar(40),
    owner_id        uuid,
    -- Running totals, maintained in the same transaction as the postings: reading a balance never
    -- sums history.
    debits_posted   numeric(20, 2) NOT NULL DEFAULT 0,
    credits_posted  numeric(20, 2) NOT NULL DEFAULT 0,
    created_at      timestamptz   NOT NULL,
    created_by      varchar(200)  NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT account_code_unique UNIQUE (led_id, code),
    FOREIGN KEY (led_id, parent_id) REFERENCES account (led_id, id),
    CONSTRAINT account_no_negative CHECK (
        NOT no_negative
        OR (normal_side = 'DEBIT' AND debits_posted >= credits_posted)
        OR (normal_side = 'CREDIT' AND credits_posted >= debits_posted))
);

-- What the chart says about an account never changes once it exists; postings refer to it.
CREATE FUNCTION account_identity_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.led_id <> OLD.led_id OR NEW.id <> OLD.id OR NEW.code <> OLD.code OR NEW.type <> OLD.type
       OR NEW.normal_side <> OLD.normal_side OR NEW.contra <> OLD.contra THEN
        RAISE EXCEPTION 'account % of LED %: code, type and normal side are fixed', OLD.code, OLD.led_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
-- Fires only for updates that name these columns, so the balance updates of every posting (which
-- set only the running totals) pay nothing for it.
CREATE TRIGGER account_identity_is_fixed BEFORE UPDATE OF led_id, id, code, type, normal_side, contra ON account
    FOR EACH ROW EXECUTE FUNCTION account_identity_is_fixed();
CREATE FUNCTION account_is_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'accounts are never deleted' USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER account_is_never_deleted BEFORE DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION account_is_never_deleted();

-- One row per LED: the head of its journal. Locking it serialises the writes of one LED (gapless
-- numbering, hash chain, period closing) while different LEDs never wait for each other.
CREATE TABLE journal_head (
    led_id          uuid        PRIMARY KEY REFERENCES led (id),
    last_number     bigint      NOT NULL DEFAULT 0 CHECK (last_number >= 0),
    last_hash       varchar(64) NOT NULL CHECK (length(last_hash) = 64),
    closed_through  date
);

CREATE TABLE journal_entry (
    led_id          uuid          NOT NULL REFERENCES led (id),
    id              uuid          NOT NULL,
    number          bigint        NOT NULL CHECK (number > 0),
    effective_date  date          NOT NULL,
    recorded_at     timestamptz   NOT NULL,
    recorded_by     varchar(200)  NOT NULL,
    kind            varchar(30)   NOT NULL,
    description     varchar(500)  NOT NULL,
    reference_type  varchar(40),
    reference_id    uuid,
    reverses_id     uuid,
    hash            varchar(64)   NOT NULL CHECK (length(hash) = 64),
    previous_hash   varchar(64)   NOT NULL CHECK (length(previous_hash) = 64),
    PRIMARY KEY (led_id, id),
    CONSTRAINT journal_entry_number_unique UNIQUE (led_id, number),
    -- An entry is reversed at most once: the second reversal cannot be stored.
    CONSTRAINT journal_entry_reversed_once UNIQUE (led_id, reverses_id),
    FOREIGN KEY (led_id, reverses_id) REFERENCES journal_entry (led_id, id)
);
CREATE INDEX journal_entry_effective_date ON journal_entry (led_id, effective_date, number);
CREATE INDEX journal_entry_kind ON journal_entry (led_id, kind, number);

CREATE TABLE posting (
    led_id          uuid           NOT NULL,
    entry_id        uuid           NOT NULL,
    line            smallint       NOT NULL CHECK (line > 0),
    account_id      uuid           NOT NULL,
    side            varchar(6)     NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    amount          numeric(18, 2) NOT NULL CHECK (amount > 0),
    -- Copied from the entry so that an account's statement (buku besar) reads one index range.
    entry_number    bigint         NOT NULL,
    effective_date  date           NOT NULL,
    PRIMARY KEY (led_id, entry_id, line),
    FOREIGN KEY (led_id, entry_id) REFERENCES journal_entry (led_id, id),
    FOREIGN KEY (led_id, account_id) REFERENCES account (led_id, id)
);
CREATE INDEX posting_account ON posting (led_id, account_id, entry_number);

-- Each account's movements per effective day. A balance as of any date is the sum of at most one
-- row per active day, however many postings there are; a clerk's back-dated entry only touches the
-- row of its own day.
CREATE TABLE account_daily_movement (
    led_id      uuid           NOT NULL,
    account_id  uuid           NOT NULL,
    day         date           NOT NULL,
    debits      numeric(20, 2) NOT NULL,
    credits     numeric(20, 2) NOT NULL,
    PRIMARY KEY (led_id, account_id, day),
    FOREIGN KEY (led_id, account_id) REFERENCES account (led_id, id)
);

CREATE TABLE period_close (
    led_id      uuid          NOT NULL REFERENCES led (id),
    through     date          NOT NULL,
    closed_at   timestamptz   NOT NULL,
    closed_by   varchar(200)  NOT NULL,
    PRIMARY KEY (led_id, through)
);

-- Invariant 2: entries and postings are immutable, whoever asks.
CREATE FUNCTION ledger_row_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable: correct a mistake with a reversal entry', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER journal_entry_immutable BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER posting_immutable BEFORE UPDATE OR DELETE ON posting
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER posting_no_truncate BEFORE TRUNCATE ON posting
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_is_immutable();
-- And the service's own role may not even ask (the owner could grant these back, which is what
-- the tamper-evidence hash chain is for). UPDATE on journal_entry stays granted only because
-- foreign-key checks lock the referenced entry FOR KEY SHARE, which needs it; the trigger above
-- still refuses every UPDATE.
REVOKE UPDATE, DELETE, TRUNCATE ON posting FROM CURRENT_USER;
REVOKE DELETE, TRUNCATE ON journal_entry FROM CURRENT_USER;
REVOKE ALL ON journal_entry, posting FROM PUBLIC;

-- Invariant 1, checked at commit: every entry has at least two postings and its debits equal its
-- credits. Deferred, because the entry and its postings are inserted by separate statements.
CREATE FUNCTION assert_entry_balanced(entry_led uuid, entry uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    debits numeric;
    credits numeric;
    lines int;
BEGIN
    SELECT coalesce(sum(amount) FILTER (WHERE side = 'DEBIT'), 0),
           coalesce(sum(amount) FILTER (WHERE side = 'CREDIT'), 0),
           count(*)
      INTO debits, credits, lines
      FROM posting WHERE led_id = entry_led AND entry_id = entry;
    IF lines < 2 OR debits <> credits THEN
        RAISE EXCEPTION 'journal entry % of LED % is unbalanced: debits %, credits %, % postings',
            entry, entry_led, debits, credits, lines
            USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entry_balanced';
    END IF;
END $$;
CREATE FUNCTION journal_entry_must_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM assert_entry_balanced(NEW.led_id, NEW.id);
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_entry_balanced AFTER INSERT ON journal_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance();
-- Invariant 2 for postings: the balance check above runs when an entry is inserted, so a posting
-- added later — even a balanced pair (Dr 5 · Cr 5), which moves no balance — would change a stored
-- entry unseen. A posting must therefore be written by the same transaction as its entry: both
-- rows then carry the same xmin. The service writes an entry and its postings in one statement, so
-- this always holds for it; checked at commit like the balance.
CREATE FUNCTION posting_belongs_to_new_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1
          FROM journal_entry e
          JOIN posting p ON p.led_id = e.led_id AND p.entry_id = e.id
         WHERE e.led_id = NEW.led_id AND e.id = NEW.entry_id AND p.line = NEW.line
           AND p.xmin = e.xmin) THEN
        RAISE EXCEPTION 'posting % of journal entry % of LED % was added after the entry was written',
            NEW.line, NEW.entry_id, NEW.led_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'posting_belongs_to_new_entry';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER posting_belongs_to_new_entry AFTER INSERT ON posting
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION posting_belongs_to_new_entry();

-- Invariants 4 and 6 in the database too: nothing lands inside a closed period, numbers follow
-- each other without gaps and each entry links to its predecessor's hash. Reads the newest entry
-- through the (led_id, number) index, so it costs one index probe.
CREATE FUNCTION journal_entry_follows_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    closed date;
    last_number bigint;
    last_hash varchar(64);
BEGIN
    SELECT closed_through INTO closed FROM journal_head WHERE led_id = NEW.led_id;
    IF closed IS NOT NULL AND NEW.effective_date <= closed THEN
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
CREATE TRIGGER journal_entry_follows_chain BEFORE INSERT ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_entry_follows_chain();
