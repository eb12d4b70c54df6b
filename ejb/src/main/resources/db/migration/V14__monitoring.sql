-- Listen, whisper, barge (SPEC X2) and the audit of supervisors' actions (SPEC E5).

-- Supervisors' phones joined to agents' calls: live while ended_at is null, history after.
CREATE TABLE monitoring (
    id             BIGINT PRIMARY KEY,
    account_id     BIGINT NOT NULL REFERENCES account (id),
    supervisor_id  BIGINT NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    agent_id       BIGINT NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    call_id        BIGINT NOT NULL REFERENCES phone_call (id) ON DELETE CASCADE,
    mode           VARCHAR(16) NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE,
    version        BIGINT NOT NULL
);

CREATE INDEX monitoring_call ON monitoring (call_id);

-- What supervisors and admins did to agents, never changed.
CREATE TABLE supervisor_action (
    id           BIGINT PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES account (id),
    acted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    by_login     VARCHAR(80) NOT NULL,
    agent_login  VARCHAR(64) NOT NULL,
    kind         VARCHAR(24) NOT NULL,
    call_id      BIGINT
);

CREATE INDEX supervisor_action_account_at ON supervisor_action (account_id, acted_at);
