-- Field batches (issue 13): what a device synced in one request after a day offline, and the answer
-- it got, so a device that lost the answer can read it again (GET …/batches/{id}). Each operation
-- of a batch is recorded by its own feature and keyed in idempotency_record like a request sent
-- alone; this table keeps only the batch's answer as sent. Kept as long as idempotency keys
-- (lumbung.idempotency.retention), then purged. led_id leads the key (DESIGN §1).
CREATE TABLE field_batch (
    led_id      uuid          NOT NULL REFERENCES led (id),
    id          uuid          NOT NULL,
    caller      varchar(200)  NOT NULL,
    device_id   varchar(100),
    atomic      boolean       NOT NULL,
    operations  integer       NOT NULL CHECK (operations BETWEEN 1 AND 1000),
    answer      text          NOT NULL,
    created_at  timestamptz   NOT NULL,
    PRIMARY KEY (led_id, id)
);
CREATE INDEX field_batch_created_at ON field_batch (created_at);
