-- The first answer to each client request id (Idempotency-Key), so that a retried request returns it again.
CREATE TABLE idempotent_request (
    request_key  VARCHAR(300) PRIMARY KEY,
    fingerprint  VARCHAR(64)  NOT NULL,
    status       INT          NOT NULL,
    response     TEXT         NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);
