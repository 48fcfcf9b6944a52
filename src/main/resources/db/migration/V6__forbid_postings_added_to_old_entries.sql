-- Invariant 2 for postings: the balance check at commit (V2) catches one posting added to an
-- existing entry, but not a balanced pair (Dr 5 · Cr 5), which would change a stored entry without
-- moving any balance. A posting must therefore be written by the same (sub)transaction as its
-- entry: both rows then carry the same xmin. The service writes an entry and its postings in one
-- statement, so this always holds for it; checked at commit like the balance.
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
