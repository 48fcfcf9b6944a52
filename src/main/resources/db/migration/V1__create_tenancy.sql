-- Districts (kabupaten) and their village economic institutions (LED).
-- The LED is the tenant: every table that belongs to an LED carries led_id as the leading column of
-- its keys and indexes (DESIGN §1), so the schema can later be distributed by LED on Citus.

CREATE TABLE district (
    id          uuid PRIMARY KEY,
    code        varchar(16)  NOT NULL,
    name        varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(200) NOT NULL,
    CONSTRAINT district_code_unique UNIQUE (code)
);

CREATE TABLE led (
    id           uuid PRIMARY KEY,
    district_id  uuid         NOT NULL REFERENCES district (id),
    code         varchar(32)  NOT NULL,
    name         varchar(200) NOT NULL,
    village      varchar(200) NOT NULL,
    created_at   timestamptz  NOT NULL,
    created_by   varchar(200) NOT NULL,
    CONSTRAINT led_code_unique UNIQUE (district_id, code)
);
