-- The directory import's column mapping (SPEC B10): what an account's admin said a CSV header
-- the import does not recognise holds (a contact field, or nothing when field is null), kept
-- so that the account's next file with that header imports without asking again. The header
-- is kept as the import compares it: lower case, without accents, letters and digits only.

CREATE TABLE import_column (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    header      VARCHAR(128) NOT NULL,
    field       VARCHAR(32),
    CONSTRAINT import_column_header UNIQUE (account_id, header)
);
