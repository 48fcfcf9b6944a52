-- Members (anggota) of an LED and its joint business groups (KUB, Kelompok Usaha Bersama).
-- led_id leads every key and index (DESIGN §1). The NIK (national identity number) is personal
-- data: it is unique per LED only (the same person may belong to the LEDs of two villages), never
-- logged by the service, and masked in responses to roles that do not need it.

CREATE TABLE kub_group (
    led_id            uuid          NOT NULL REFERENCES led (id),
    id                uuid          NOT NULL,
    name              varchar(200)  NOT NULL,
    leader_member_id  uuid,
    created_at        timestamptz   NOT NULL,
    created_by        varchar(200)  NOT NULL,
    updated_at        timestamptz   NOT NULL,
    updated_by        varchar(200)  NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT kub_group_name_unique UNIQUE (led_id, name)
);

CREATE TABLE member (
    led_id      uuid          NOT NULL REFERENCES led (id),
    id          uuid          NOT NULL,
    name        varchar(200)  NOT NULL,
    nik         char(16)      NOT NULL CONSTRAINT member_nik_digits CHECK (nik ~ '^[0-9]{16}$'),
    gender      char(1)       NOT NULL CONSTRAINT member_gender CHECK (gender IN ('F', 'M')),
    birth_date  date          NOT NULL,
    hamlet      varchar(200),
    phone       varchar(32),
    group_id    uuid,
    created_at  timestamptz   NOT NULL,
    created_by  varchar(200)  NOT NULL,
    updated_at  timestamptz   NOT NULL,
    updated_by  varchar(200)  NOT NULL,
    PRIMARY KEY (led_id, id),
    CONSTRAINT member_nik_unique UNIQUE (led_id, nik),
    CONSTRAINT member_group_fk FOREIGN KEY (led_id, group_id) REFERENCES kub_group (led_id, id)
);

-- A group's members in id (creation) order; the name search scans one LED's rows.
CREATE INDEX member_group ON member (led_id, group_id, id);
CREATE INDEX member_name ON member (led_id, lower(name));

ALTER TABLE kub_group ADD CONSTRAINT kub_group_leader_fk
    FOREIGN KEY (led_id, leader_member_id) REFERENCES member (led_id, id);
