-- The numbers a trunk calls to reach a group (SPEC F2), in E.164. A number names one group of one
-- account: the SIP switch finds the account and the group of an incoming call by it alone.
CREATE TABLE group_number (
    group_id BIGINT NOT NULL REFERENCES queue_group (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number   VARCHAR(32) NOT NULL,
    PRIMARY KEY (group_id, position),
    CONSTRAINT group_number_unique UNIQUE (number)
);
