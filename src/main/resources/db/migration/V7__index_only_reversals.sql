-- An entry is reversed at most once (DESIGN §2, invariant 2). V2 enforced this with a unique
-- constraint over (led_id, reverses_id) on every entry, although only reversals carry a
-- reverses_id: each posted entry paid for an index insert that can never conflict. A partial
-- unique index keeps the same rule under the same name (the service maps the violation by that
-- name) and holds reversals only. Being partial, it also can never be mistaken by the planner for
-- a way to find an entry by id.
-- Building it reads journal_entry once under a write lock; on a large journal run this migration
-- in a quiet hour.
ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_reversed_once;
CREATE UNIQUE INDEX journal_entry_reversed_once ON journal_entry (led_id, reverses_id)
    WHERE reverses_id IS NOT NULL;
