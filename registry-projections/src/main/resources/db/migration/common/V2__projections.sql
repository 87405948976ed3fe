-- Read models. Every table here is rebuilt from the event store on demand (see ProjectionAdmin);
-- nothing in them is a source of truth.

-- Every recorded fact of the participation, competence, reporting and UPR streams, corrections included,
-- with its recording time: the effective history of a stream (as of any recording instant) is read from here.
CREATE TABLE projected_fact (
    stream_id       VARCHAR(120) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    stream_type     VARCHAR(20)  NOT NULL,
    state_code      VARCHAR(3)   NOT NULL,
    fact_type       VARCHAR(80)  NOT NULL,
    corrects_seq    BIGINT,
    payload         TEXT         NOT NULL,
    recorded_at     TIMESTAMP    NOT NULL,
    recorded_by     VARCHAR(200),
    PRIMARY KEY (stream_id, sequence_number)
);
CREATE INDEX projected_fact_state ON projected_fact (state_code, stream_type);

CREATE TABLE participation_status (
    participation_id     VARCHAR(120) PRIMARY KEY,
    state_code           VARCHAR(3)   NOT NULL,
    instrument           VARCHAR(20)  NOT NULL,
    body                 VARCHAR(10)  NOT NULL,
    signed_on            VARCHAR(10),
    consent_action       VARCHAR(20),
    deposited_on         VARCHAR(10),
    entry_into_force     VARCHAR(10),
    entry_into_force_basis VARCHAR(500),
    denounced_on         VARCHAR(10),
    denunciation_effective VARCHAR(10),
    reservations         TEXT         NOT NULL,
    sources              TEXT         NOT NULL,
    updated_at           TIMESTAMP    NOT NULL
);
CREATE INDEX participation_status_state ON participation_status (state_code);

CREATE TABLE competence_status (
    recognition_id  VARCHAR(120) PRIMARY KEY,
    state_code      VARCHAR(3)   NOT NULL,
    body            VARCHAR(10)  NOT NULL,
    mechanism       VARCHAR(40)  NOT NULL,
    basis           VARCHAR(200) NOT NULL,
    acceptance_mode VARCHAR(40)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    effective_from  VARCHAR(10),
    declared_on     VARCHAR(10),
    withdrawn_on    VARCHAR(10),
    source          TEXT         NOT NULL,
    updated_at      TIMESTAMP    NOT NULL
);
CREATE INDEX competence_status_state ON competence_status (state_code);

CREATE TABLE reporting_obligation (
    obligation_id    VARCHAR(120) PRIMARY KEY,
    state_code       VARCHAR(3)   NOT NULL,
    instrument       VARCHAR(20)  NOT NULL,
    body             VARCHAR(10)  NOT NULL,
    entry_into_force VARCHAR(10)  NOT NULL,
    updated_at       TIMESTAMP    NOT NULL
);
CREATE INDEX reporting_obligation_state ON reporting_obligation (state_code);

CREATE TABLE upr_cycle (
    state_code          VARCHAR(3)   NOT NULL,
    cycle               INT          NOT NULL,
    working_group_session VARCHAR(200),
    reviewed_on         VARCHAR(10),
    national_report     VARCHAR(100),
    outcome_report      VARCHAR(100),
    mid_term_report     VARCHAR(100),
    mid_term_submitted_on VARCHAR(10),
    source              TEXT NOT NULL,
    PRIMARY KEY (state_code, cycle)
);

-- One row per event, for the obligation history and the audit trail.
CREATE TABLE history_entry (
    global_index     BIGINT       PRIMARY KEY,
    stream_id        VARCHAR(120) NOT NULL,
    stream_type      VARCHAR(20)  NOT NULL,
    sequence_number  BIGINT       NOT NULL,
    state_code       VARCHAR(3)   NOT NULL,
    body             VARCHAR(10),
    instrument       VARCHAR(20),
    event_type       VARCHAR(80)  NOT NULL,
    legal_date       VARCHAR(10),
    legal_date_precision VARCHAR(5),
    summary          TEXT         NOT NULL,
    recorded_at      TIMESTAMP    NOT NULL,
    recorded_by      VARCHAR(200),
    source_symbol    VARCHAR(200),
    source_locator   TEXT,
    source_note      TEXT,
    corrects_seq     BIGINT,
    correction_reason TEXT,
    payload          TEXT         NOT NULL
);
CREATE INDEX history_entry_state ON history_entry (state_code, global_index);
