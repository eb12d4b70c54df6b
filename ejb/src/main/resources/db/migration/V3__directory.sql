-- The directory (SPEC B10, E3): contacts public to the account (owner_id null) or private to one
-- agent. Each number is kept as typed and in E.164, the form lookups compare; search_text holds
-- names, company and e-mail in lower case without accents, for accent-insensitive search.

CREATE TABLE contact (
    id             BIGINT PRIMARY KEY,
    account_id     BIGINT NOT NULL REFERENCES account (id),
    owner_id       BIGINT REFERENCES agent (id) ON DELETE CASCADE,
    last_name      VARCHAR(128),
    first_name     VARCHAR(128),
    company        VARCHAR(128),
    email          VARCHAR(254),
    office_number  VARCHAR(32),
    office_e164    VARCHAR(16),
    mobile_number  VARCHAR(32),
    mobile_e164    VARCHAR(16),
    home_number    VARCHAR(32),
    home_e164      VARCHAR(16),
    other_number   VARCHAR(32),
    other_e164     VARCHAR(16),
    category       VARCHAR(64),
    call_data      VARCHAR(1024),
    address        VARCHAR(512),
    description    VARCHAR(2048),
    search_text    VARCHAR(700) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT NOT NULL
);

-- Screen pop: which contact of the account has this number, whichever of the four it is.
CREATE INDEX contact_office_e164 ON contact (account_id, office_e164);
CREATE INDEX contact_mobile_e164 ON contact (account_id, mobile_e164);
CREATE INDEX contact_home_e164 ON contact (account_id, home_e164);
CREATE INDEX contact_other_e164 ON contact (account_id, other_e164);

-- Listing and searching, in name order, among the public contacts and one agent's private ones.
CREATE INDEX contact_account_search ON contact (account_id, search_text);
CREATE INDEX contact_owner ON contact (owner_id);
