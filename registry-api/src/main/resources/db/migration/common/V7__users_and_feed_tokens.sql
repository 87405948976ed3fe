-- Accounts of the registry's users and their calendar feed tokens. Passwords are BCrypt hashes; feed tokens are kept
-- only as SHA-256 hashes, so a leaked table gives no working token.
CREATE TABLE app_user (
    username             VARCHAR(100) PRIMARY KEY,
    password_hash        VARCHAR(200) NOT NULL,
    roles                VARCHAR(200) NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    enabled              BOOLEAN      NOT NULL,
    created_at           TIMESTAMP    NOT NULL
);

CREATE TABLE feed_token (
    id          VARCHAR(36)  PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    username    VARCHAR(100) NOT NULL REFERENCES app_user (username),
    label       VARCHAR(200),
    created_at  TIMESTAMP    NOT NULL,
    revoked_at  TIMESTAMP
);
