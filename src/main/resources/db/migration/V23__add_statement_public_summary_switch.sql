-- Whether the LED publishes its public summary for the village assembly (no token, no personal
-- data): off until a manager turns it on, so nothing of an LED is public by default.
ALTER TABLE statement_settings ADD COLUMN public_summary_published boolean NOT NULL DEFAULT false;
