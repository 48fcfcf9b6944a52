-- How an LED presents its statements: where each account it maps goes (otherwise the documented
-- default of its parent or its type), whether lending is operating or investing in its cash flow,
-- and who signs its statements. An LED without a row prints with the defaults.
CREATE TABLE statement_settings (
    led_id             uuid          PRIMARY KEY REFERENCES led (id),
    lending_cash_flow  varchar(10)   NOT NULL CHECK (lending_cash_flow IN ('OPERATING', 'INVESTING')),
    signature_place    varchar(100),
    updated_at         timestamptz   NOT NULL,
    updated_by         varchar(200)  NOT NULL,
    version            bigint        NOT NULL CHECK (version > 0)
);

-- The LED's own mapping of accounts to statement groups. The group's type must be the account's
-- (checked by the service; the group names say it: an asset account goes to one of the asset groups).
CREATE TABLE statement_account_group (
    led_id           uuid         NOT NULL REFERENCES statement_settings (led_id),
    account_id       uuid         NOT NULL,
    statement_group  varchar(30)  NOT NULL CHECK (statement_group IN ('CURRENT_ASSETS', 'NON_CURRENT_ASSETS',
        'CURRENT_LIABILITIES', 'NON_CURRENT_LIABILITIES', 'EQUITY', 'OPERATING_INCOME', 'OTHER_INCOME',
        'OPERATING_EXPENSE', 'OTHER_EXPENSE')),
    PRIMARY KEY (led_id, account_id),
    FOREIGN KEY (led_id, account_id) REFERENCES account (led_id, id)
);

-- The signature block, in the order it is printed: the title in both statement languages, the name.
-- Titles are the LED's own (Direktur, Ketua BP-UPK, Kepala Desa, …): nothing here names an organ.
CREATE TABLE statement_signatory (
    led_id    uuid          NOT NULL REFERENCES statement_settings (led_id),
    position  smallint      NOT NULL CHECK (position > 0),
    title_id  varchar(100)  NOT NULL,
    title_en  varchar(100)  NOT NULL,
    name      varchar(200)  NOT NULL,
    PRIMARY KEY (led_id, position)
);
