-- Accounts (tenants), agents, groups and memberships: the foundation every feature builds on.
-- Written in the SQL that H2 (MODE=LEGACY) and PostgreSQL both accept.

-- EclipseLink takes each value as the top of a block of 50 ids, so the first value must be 50.
CREATE SEQUENCE relais_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE account (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(64) NOT NULL,
    country     VARCHAR(2) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_name_unique UNIQUE (name)
);

CREATE TABLE queue_group (
    id                     BIGINT PRIMARY KEY,
    account_id             BIGINT NOT NULL REFERENCES account (id),
    name                   VARCHAR(64) NOT NULL,
    ring_timeout           INTEGER NOT NULL,
    penalty                INTEGER NOT NULL,
    wrap_up                INTEGER NOT NULL,
    qualification_required BOOLEAN NOT NULL,
    auto_qualify           INTEGER NOT NULL,
    auto_qualify_code      VARCHAR(128),
    strategy               VARCHAR(16) NOT NULL,
    priority               INTEGER NOT NULL,
    card_url               VARCHAR(2048),
    caller_id_selectable   BOOLEAN NOT NULL,
    version                BIGINT NOT NULL,
    CONSTRAINT queue_group_name_unique UNIQUE (account_id, name)
);

CREATE TABLE group_qualification (
    group_id BIGINT NOT NULL REFERENCES queue_group (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code     VARCHAR(128) NOT NULL,
    PRIMARY KEY (group_id, position)
);

CREATE TABLE group_caller_id (
    group_id BIGINT NOT NULL REFERENCES queue_group (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number   VARCHAR(32) NOT NULL,
    PRIMARY KEY (group_id, position)
);

CREATE TABLE agent (
    id                     BIGINT PRIMARY KEY,
    account_id             BIGINT NOT NULL REFERENCES account (id),
    login                  VARCHAR(64) NOT NULL,
    name                   VARCHAR(128) NOT NULL,
    password_hash          VARCHAR(512) NOT NULL,
    role                   VARCHAR(16) NOT NULL,
    extension              VARCHAR(32),
    extension_editable     BOOLEAN NOT NULL,
    enabled                BOOLEAN NOT NULL,
    modules                VARCHAR(512) NOT NULL,
    max_open_cards         INTEGER NOT NULL,
    unavailable_on_logout  BOOLEAN NOT NULL,
    available_on_login     BOOLEAN NOT NULL,
    no_logout_confirmation BOOLEAN NOT NULL,
    qualification_popup    BOOLEAN NOT NULL,
    version                BIGINT NOT NULL,
    CONSTRAINT agent_login_unique UNIQUE (account_id, login)
);

CREATE TABLE membership (
    id       BIGINT PRIMARY KEY,
    agent_id BIGINT NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES queue_group (id) ON DELETE CASCADE,
    inbound  BOOLEAN NOT NULL,
    outbound BOOLEAN NOT NULL,
    level    INTEGER NOT NULL,
    CONSTRAINT membership_unique UNIQUE (agent_id, group_id)
);

CREATE INDEX membership_group ON membership (group_id);
