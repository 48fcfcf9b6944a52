-- The audit trail of changes that are not journal entries (settings, members, groups, products,
-- period closes, approvals) and of refused privileged attempts (403): append-only and hash-chained
-- per LED like the journal (V2), so an auditor can prove that nobody edited it afterwards.
-- Also the version columns behind the ETag / If-Match of the mutable resources.

-- One row per LED: the head of its audit chain. Locking it serialises one LED's audit appends
-- (gapless sequence, hash chain), exactly as journal_head serialises its journal; it is a row of its
-- own so that an audited write never waits for the journal's group commit, and back.
CREATE TABLE audit_head (
    led_id          uuid        PRIMARY KEY REFERENCES led (id),
    last_sequence   bigint      NOT NULL DEFAULT 0 CHECK (last_sequence >= 0),
    last_hash       varchar(64) NOT NULL CHECK (length(last_hash) = 64)
);
INSERT INTO audit_head (led_id, last_sequence, last_hash) SELECT id, 0, repeat('0', 64) FROM led;

-- Every LED gets its head when it is opened, so that an append only ever locks an existing row.
CREATE FUNCTION led_gets_audit_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_head (led_id, last_sequence, last_hash) VALUES (NEW.id, 0, repeat('0', 64));
    RETURN NULL;
END $$;
CREATE TRIGGER led_gets_audit_head AFTER INSERT ON led FOR EACH ROW EXECUTE FUNCTION led_gets_audit_head();

CREATE TABLE audit_event (
    led_id          uuid          NOT NULL REFERENCES led (id),
    sequence        bigint        NOT NULL CHECK (sequence > 0),
    at              timestamptz   NOT NULL,
    actor           varchar(200)  NOT NULL,
    -- The caller's roles (comma-separated, sorted): what the actor acted as.
    role            varchar(200)  NOT NULL,
    -- What was done (member.updated, period.closed, ...), or for a refusal the operation attempted
    -- (method and path template).
    action          varchar(300)  NOT NULL,
    resource_type   varchar(40),
    resource_id     varchar(100),
    -- Canonical JSON {field: {old, new}} written by the service and hashed as stored: text, not
    -- jsonb, because jsonb would re-order and re-format it and break the hash.
    changes         text          NOT NULL CHECK (changes::jsonb IS NOT NULL),
    outcome         varchar(10)   NOT NULL CHECK (outcome IN ('DONE', 'REFUSED')),
    -- For a refusal: the problem type the caller was answered with.
    detail          varchar(500),
    hash            varchar(64)   NOT NULL CHECK (length(hash) = 64),
    prev_hash       varchar(64)   NOT NULL CHECK (length(prev_hash) = 64),
    PRIMARY KEY (led_id, sequence)
);
CREATE INDEX audit_event_at ON audit_event (led_id, at, sequence);
CREATE INDEX audit_event_actor ON audit_event (led_id, actor, sequence);

-- Gapless sequence and an unbroken link in the database too (as journal_entry_follows_chain).
CREATE FUNCTION audit_event_follows_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_sequence bigint;
    last_hash varchar(64);
BEGIN
    SELECT sequence, hash INTO last_sequence, last_hash
      FROM audit_event WHERE led_id = NEW.led_id ORDER BY sequence DESC LIMIT 1;
    IF NEW.sequence <> coalesce(last_sequence, 0) + 1
       OR NEW.prev_hash <> coalesce(last_hash, repeat('0', 64)) THEN
        RAISE EXCEPTION 'audit event % of LED % does not follow event %', NEW.sequence, NEW.led_id,
            coalesce(last_sequence, 0) USING ERRCODE = 'check_violation', CONSTRAINT = 'audit_event_follows_chain';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_event_follows_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_follows_chain();

-- Append-only, whoever asks; and the service's own role may not even ask.
CREATE TRIGGER audit_event_immutable BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION ledger_row_is_immutable();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_is_immutable();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM CURRENT_USER;
REVOKE ALL ON audit_event FROM PUBLIC;

-- The versions the ETags of the mutable resources are made of; every change adds one. A stale
-- If-Match is refused (412) by comparing with them under the row's lock.
ALTER TABLE member ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE lending_settings ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version > 0);
