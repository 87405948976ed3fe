-- Deadline reminders (registry-api, package org.treatyregistry.api.reminders). Unlike the read models these tables
-- are NOT rebuilt from the event store and a projection rebuild leaves them alone: they record what the registry has
-- told the desk, so that neither a restart nor a rebuild sends a notice twice. Portable SQL: H2 (PostgreSQL mode) and
-- PostgreSQL.

-- The desk's settings (lead times, channels), one JSON document; absent until the first PUT (defaults apply).
CREATE TABLE reminder_settings (
    id         INT          NOT NULL PRIMARY KEY,
    settings   TEXT         NOT NULL,
    updated_at TIMESTAMP    NOT NULL,
    updated_by VARCHAR(200),
    CONSTRAINT reminder_settings_single_row CHECK (id = 1)
);

-- One notice per calendar item, lead time and the due date it was computed for: the primary key and the unique
-- constraint are what make "at most once" hold, across runs, restarts and concurrent instances.
-- status: PENDING (a delivery is outstanding), DELIVERED, SKIPPED (a nearer lead time was reached at the same time,
-- never sent), CANCELLED (the item left the open calendar, its due date moved, or a nearer notice superseded it).
CREATE TABLE reminder_notice (
    notice_key  VARCHAR(400) NOT NULL PRIMARY KEY,
    item_uid    VARCHAR(300) NOT NULL,
    lead_days   INT          NOT NULL,
    due_latest  DATE         NOT NULL,
    due_text    VARCHAR(10),
    state_code  VARCHAR(3)   NOT NULL,
    instrument  VARCHAR(20)  NOT NULL,
    body        VARCHAR(10)  NOT NULL,
    label       VARCHAR(300),
    reminder_on DATE         NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    reason      VARCHAR(500),
    item        TEXT         NOT NULL,
    created_on  DATE         NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    closed_at   TIMESTAMP,
    CONSTRAINT reminder_notice_once UNIQUE (item_uid, lead_days, due_latest)
);
CREATE INDEX reminder_notice_status ON reminder_notice (status);
CREATE INDEX reminder_notice_item ON reminder_notice (item_uid, due_latest);

-- A notice's delivery on one channel (EMAIL, WEBHOOK). status: PENDING, SENDING (claimed by a run), DELIVERED,
-- FAILED (retried on the next run), CANCELLED.
CREATE TABLE reminder_delivery (
    notice_key      VARCHAR(400)  NOT NULL REFERENCES reminder_notice (notice_key),
    channel         VARCHAR(10)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL,
    target          VARCHAR(2000),
    claimed_at      TIMESTAMP,
    last_attempt_at TIMESTAMP,
    last_error      VARCHAR(1000),
    delivered_at    TIMESTAMP,
    PRIMARY KEY (notice_key, channel)
);
CREATE INDEX reminder_delivery_status ON reminder_delivery (status);

-- Every delivery attempt, successful or not.
CREATE TABLE reminder_attempt (
    notice_key   VARCHAR(400)  NOT NULL,
    channel      VARCHAR(10)   NOT NULL,
    attempt      INT           NOT NULL,
    attempted_at TIMESTAMP     NOT NULL,
    outcome      VARCHAR(20)   NOT NULL,
    target       VARCHAR(2000),
    http_status  INT,
    error        VARCHAR(1000),
    PRIMARY KEY (notice_key, channel, attempt),
    FOREIGN KEY (notice_key, channel) REFERENCES reminder_delivery (notice_key, channel)
);
