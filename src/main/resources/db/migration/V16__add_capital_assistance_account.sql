-- CAPITAL_ASSISTANCE_EXPENSE (bantuan modal given to trainees, paid by the LED) for the LEDs that
-- exist, as V9 added RECOVERY_INCOME: its default code 5-1500 where that is free, otherwise the next
-- free code of its group (5-1501, 5-1502, ...), never an account the LED made itself. New LEDs get it
-- at 5-1500 with the rest of the default chart.
INSERT INTO account (led_id, id, code, name, type, contra, normal_side, no_negative, purpose, created_at, created_by)
SELECT l.id, gen_random_uuid(),
       (SELECT c.code FROM generate_series(1500, 1999) AS n (number)
               CROSS JOIN LATERAL (SELECT '5-' || n.number AS code) c
         WHERE NOT EXISTS (SELECT 1 FROM account taken WHERE taken.led_id = l.id AND taken.code = c.code)
         ORDER BY n.number LIMIT 1),
       'Beban Bantuan Modal', 'EXPENSE', false, 'DEBIT', false, 'CAPITAL_ASSISTANCE_EXPENSE', now(),
       'migration V16'
  FROM led l
 WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.led_id = l.id AND a.purpose = 'CAPITAL_ASSISTANCE_EXPENSE');
