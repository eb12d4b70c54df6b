-- The outbound dialer (SPEC B11, E4): campaigns of a group, their contacts, every attempt made
-- (the 30-day limits and the abandon rate count them) and the account's do-not-call list.

CREATE TABLE campaign (
    id                   BIGINT PRIMARY KEY,
    account_id           BIGINT NOT NULL REFERENCES account (id),
    name                 VARCHAR(64) NOT NULL,
    group_id             BIGINT NOT NULL REFERENCES queue_group (id) ON DELETE CASCADE,
    mode                 VARCHAR(16) NOT NULL,
    caller_id            VARCHAR(32),
    recycling            VARCHAR(256) NOT NULL,
    calling_hours        VARCHAR(512) NOT NULL,
    max_attempts_30_days INTEGER NOT NULL,
    max_abandon_rate     DOUBLE PRECISION NOT NULL,
    dial_level           DOUBLE PRECISION NOT NULL,
    active               BOOLEAN NOT NULL,
    callbacks            BOOLEAN NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT NOT NULL,
    CONSTRAINT campaign_name_unique UNIQUE (account_id, name)
);

CREATE TABLE campaign_contact (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES account (id),
    campaign_id   BIGINT NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    number        VARCHAR(16) NOT NULL,
    last_name     VARCHAR(128),
    first_name    VARCHAR(128),
    data          VARCHAR(1024),
    status        VARCHAR(16) NOT NULL,
    attempts      INTEGER NOT NULL,
    next_attempt  TIMESTAMP WITH TIME ZONE,
    reserved_by   BIGINT REFERENCES agent (id) ON DELETE SET NULL,
    last_outcome  VARCHAR(16),
    call_id       BIGINT REFERENCES phone_call (id) ON DELETE SET NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL,
    CONSTRAINT campaign_contact_number_unique UNIQUE (campaign_id, number)
);

CREATE INDEX campaign_contact_due ON campaign_contact (campaign_id, status, next_attempt);
CREATE INDEX campaign_contact_call ON campaign_contact (call_id);

CREATE TABLE dial_attempt (
    id           BIGINT PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES account (id),
    campaign_id  BIGINT NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    contact_id   BIGINT NOT NULL REFERENCES campaign_contact (id) ON DELETE CASCADE,
    number       VARCHAR(16) NOT NULL,
    outcome      VARCHAR(16) NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX dial_attempt_number_at ON dial_attempt (account_id, number, at);
CREATE INDEX dial_attempt_campaign_at ON dial_attempt (campaign_id, at);
CREATE INDEX dial_attempt_contact ON dial_attempt (contact_id, outcome);

CREATE TABLE do_not_call (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES account (id),
    number      VARCHAR(16) NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT do_not_call_unique UNIQUE (account_id, number)
);

-- The callbacks of abandoned calls are now contacts of their group's callback list (a campaign
-- marked callbacks), which the engine dials; their former table goes.
DROP TABLE callback;

-- The outbound engine is a banner module of its own (SPEC B11, A4): agents who had a profile
-- before see it too.
UPDATE agent SET modules = modules || ',DIALER' WHERE modules <> '';
UPDATE agent SET modules = 'DIALER' WHERE modules = '';
