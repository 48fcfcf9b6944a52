-- The latest scheduled re-verification of each LED's journal hash chain (issue 15): what the district's
-- health view, GET …/journal/verification/latest and the lumbung_chain_verification_failing_leds gauge
-- read, so none of them walks a journal on a request. Written only by the nightly run
-- (ledger/verification), one row per LED, overwritten by each run.
--
-- No history rows: "running it for years" would add a row per LED per night (LEDs x 365 a year) that
-- almost always says "still valid". What an investigation needs from the history is kept in the row
-- instead: last_valid_at and broken_since bracket when the chain was changed (after the last valid run,
-- before the first broken one), and the gauge's history is in Prometheus.
CREATE TABLE chain_verification (
    led_id              uuid        PRIMARY KEY REFERENCES led (id),
    -- When the run verified the LED; the head says exactly which entries the result covers.
    verified_at         timestamptz NOT NULL,
    valid               boolean     NOT NULL,
    entries             bigint      NOT NULL,
    -- The last entry checked (the chain head); both null for an LED without entries.
    head_number         bigint,
    head_hash           varchar(64),
    -- When not valid: the first entry whose hash, link or number does not match, and why.
    first_broken_number bigint,
    reason              varchar(32),
    -- The last run that found the chain valid (null if none has), and the first run of the current
    -- broken streak (null while valid).
    last_valid_at       timestamptz,
    broken_since        timestamptz,
    CONSTRAINT chain_verification_entries_nonnegative CHECK (entries >= 0),
    CONSTRAINT chain_verification_head_whole CHECK ((head_number IS NULL) = (head_hash IS NULL)),
    CONSTRAINT chain_verification_head_hash_length CHECK (head_hash IS NULL OR length(head_hash) = 64),
    CONSTRAINT chain_verification_broken_named CHECK (
        valid = (first_broken_number IS NULL) AND valid = (reason IS NULL) AND valid = (broken_since IS NULL)),
    CONSTRAINT chain_verification_valid_dated CHECK (NOT valid OR last_valid_at = verified_at)
);

