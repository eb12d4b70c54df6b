-- The ACD: live presence of connected agents (the engine rebuilds from it at startup), the
-- audit trail of agent states, the call history and the callbacks of abandoned calls.

CREATE TABLE phone_call (
    id             BIGINT PRIMARY KEY,
    account_id     BIGINT NOT NULL REFERENCES account (id),
    group_id       BIGINT REFERENCES queue_group (id) ON DELETE SET NULL,
    group_name     VARCHAR(64) NOT NULL,
    direction      VARCHAR(8) NOT NULL,
    caller         VARCHAR(32) NOT NULL,
    callee         VARCHAR(32),
    ivr_path       VARCHAR(64),
    status         VARCHAR(16) NOT NULL,
    arrived_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    offered_at     TIMESTAMP WITH TIME ZONE,
    answered_at    TIMESTAMP WITH TIME ZONE,
    ended_at       TIMESTAMP WITH TIME ZONE,
    outcome        VARCHAR(16),
    qualification  VARCHAR(128),
    agent_id       BIGINT REFERENCES agent (id) ON DELETE SET NULL,
    offers         INTEGER NOT NULL,
    version        BIGINT NOT NULL
);

CREATE INDEX phone_call_account_arrived ON phone_call (account_id, arrived_at);
CREATE INDEX phone_call_agent_arrived ON phone_call (agent_id, arrived_at);
CREATE INDEX phone_call_status ON phone_call (status);

-- One row per connected agent. call_id is unique: a call is offered to one agent at a time, and
-- an agent holds at most one call, whatever the engine's memory says (with the version column).
CREATE TABLE agent_presence (
    agent_id         BIGINT PRIMARY KEY REFERENCES agent (id) ON DELETE CASCADE,
    account_id       BIGINT NOT NULL REFERENCES account (id),
    availability     VARCHAR(16) NOT NULL,
    activity         VARCHAR(16) NOT NULL,
    call_id          BIGINT REFERENCES phone_call (id),
    group_id         BIGINT REFERENCES queue_group (id) ON DELETE SET NULL,
    state_since      TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline         TIMESTAMP WITH TIME ZONE,
    idle_since       TIMESTAMP WITH TIME ZONE NOT NULL,
    session_started  TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT NOT NULL,
    CONSTRAINT agent_presence_call_unique UNIQUE (call_id)
);

CREATE TABLE agent_state_change (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES account (id),
    agent_id      BIGINT NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    availability  VARCHAR(16) NOT NULL,
    activity      VARCHAR(16) NOT NULL,
    call_id       BIGINT
);

CREATE INDEX agent_state_change_agent_at ON agent_state_change (agent_id, changed_at);

CREATE TABLE callback (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES account (id),
    group_id    BIGINT NOT NULL REFERENCES queue_group (id) ON DELETE CASCADE,
    number      VARCHAR(32) NOT NULL,
    call_id     BIGINT REFERENCES phone_call (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(16) NOT NULL
);

CREATE INDEX callback_group_status ON callback (group_id, status);
