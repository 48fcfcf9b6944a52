-- The accounts a year-end allocation posts each target's share to, where an LED chose its own
-- (an LED without a row uses the system account of the target's purpose: 3-1400, 2-1300, 2-1400).
CREATE TABLE statement_allocation_target (
    led_id      uuid         NOT NULL REFERENCES statement_settings (led_id),
    target      varchar(20)  NOT NULL CHECK (target IN ('CAPITAL', 'SOCIAL_FUND', 'INSTITUTION')),
    account_id  uuid         NOT NULL,
    PRIMARY KEY (led_id, target),
    FOREIGN KEY (led_id, account_id) REFERENCES account (led_id, id)
);
