-- Call recording (SPEC B13): each group says whether its calls are recorded, each account how many
-- days recordings are kept; a recording names its call and its file; who listened is audited, and
-- the audit outlives the recordings that retention deletes.
ALTER TABLE queue_group ADD COLUMN recording VARCHAR(16) DEFAULT 'NEVER' NOT NULL;
ALTER TABLE account ADD COLUMN recording_retention_days INTEGER DEFAULT 90 NOT NULL;

CREATE TABLE recording (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES account (id),
    call_id     BIGINT NOT NULL REFERENCES phone_call (id),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at  TIMESTAMP WITH TIME ZONE,
    file        VARCHAR(255)
);

CREATE INDEX recording_call ON recording (call_id);
CREATE INDEX recording_account_started ON recording (account_id, started_at);

CREATE TABLE recording_heard (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES account (id),
    recording_id  BIGINT NOT NULL,
    call_id       BIGINT NOT NULL,
    heard_by      VARCHAR(64) NOT NULL,
    heard_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX recording_heard_recording ON recording_heard (account_id, recording_id);

-- The new banner module is on for the agents of before who have the lines module, as it is for new
-- agents: the Enregistrement button, and hearing the recordings of one's own calls.
UPDATE agent SET modules = modules || ',RECORDING' WHERE modules LIKE '%LINES%';
