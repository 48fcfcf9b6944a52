-- Each period close records the journal's chain head at the moment of closing, so a statement of a
-- closed period (and later the public summary) can state the head its figures rest on: every entry
-- dated in the closed period is at or below that number, and the hash lets anyone check it against
-- the chain.
ALTER TABLE period_close ADD COLUMN chain_number bigint;
ALTER TABLE period_close ADD COLUMN chain_hash varchar(64);

-- Closes made before this migration: the head was the last entry recorded before the close (closing
-- locks the journal head, so no entry was being appended at that moment).
UPDATE period_close pc
   SET chain_number = coalesce(last.number, 0),
       chain_hash = coalesce(last.hash, repeat('0', 64))
  FROM (SELECT c.led_id, c.through,
               (SELECT e.number FROM journal_entry e
                 WHERE e.led_id = c.led_id AND e.recorded_at <= c.closed_at
                 ORDER BY e.number DESC LIMIT 1) AS number,
               (SELECT e.hash FROM journal_entry e
                 WHERE e.led_id = c.led_id AND e.recorded_at <= c.closed_at
                 ORDER BY e.number DESC LIMIT 1) AS hash
          FROM period_close c) last
 WHERE last.led_id = pc.led_id AND last.through = pc.through;

ALTER TABLE period_close ALTER COLUMN chain_number SET NOT NULL;
ALTER TABLE period_close ALTER COLUMN chain_hash SET NOT NULL;
ALTER TABLE period_close ADD CONSTRAINT period_close_chain_hash_length CHECK (length(chain_hash) = 64);
ALTER TABLE period_close ADD CONSTRAINT period_close_chain_number_nonnegative CHECK (chain_number >= 0);
