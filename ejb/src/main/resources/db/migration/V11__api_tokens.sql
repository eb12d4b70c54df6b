-- API tokens (API.md): the credentials of an integration, kept as a keyed hash of the secret only.
CREATE TABLE api_token (
    id           BIGINT PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES account (id),
    name         VARCHAR(64) NOT NULL,
    role         VARCHAR(16) NOT NULL,
    secret_hash  VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_name_unique UNIQUE (account_id, name),
    CONSTRAINT api_token_secret_unique UNIQUE (secret_hash)
);
