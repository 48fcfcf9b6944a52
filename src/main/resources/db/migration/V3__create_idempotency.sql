-- Responses of POSTs sent with an Idempotency-Key, kept so that a retry gets the original answer
-- (DESIGN §2 invariant 7). Requests outside any LED (districts, opening an LED) use the nil UUID as
-- led_id so that the key still leads with the tenant.
CREATE TABLE idempotency_record (
    led_id        uuid          NOT NULL,
    caller        varchar(200)  NOT NULL,
    key           varchar(200)  NOT NULL,
    request_hash  varchar(64)   NOT NULL,
    status        smallint      NOT NULL,
    location      varchar(1000),
    body          text          NOT NULL,
    created_at    timestamptz   NOT NULL,
    PRIMARY KEY (led_id, caller, key)
);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
