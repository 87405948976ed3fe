-- Tamper evidence: every event appended gets a hash over the previous event's hash and its own stored content,
-- written in the transaction that appends it (see ChainedJdbcEventStorageEngine).
CREATE TABLE event_chain (
    global_index     BIGINT       PRIMARY KEY,
    event_identifier VARCHAR(255) NOT NULL,
    previous_hash    VARCHAR(64)  NOT NULL,
    hash             VARCHAR(64)  NOT NULL
);

-- The head of the chain; appends lock this row, so the chain follows the order of the global index.
CREATE TABLE event_chain_head (
    id           INT          PRIMARY KEY,
    global_index BIGINT       NOT NULL,
    hash         VARCHAR(64)  NOT NULL
);
INSERT INTO event_chain_head (id, global_index, hash)
VALUES (1, -1, '0000000000000000000000000000000000000000000000000000000000000000');
