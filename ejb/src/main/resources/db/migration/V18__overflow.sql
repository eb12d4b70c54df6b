-- A group's queue limits and overflow (SPEC E2): the longest a call waits, the most calls that
-- wait, whether the group overflows when none of its agents is connected, and where its calls then
-- go: another group of the account, or (none named) the group's callback list. A call says until
-- when it may wait, and from which group it overflowed (a call overflows once).
ALTER TABLE queue_group ADD COLUMN max_wait INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE queue_group ADD COLUMN max_queue_length INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE queue_group ADD COLUMN overflow_when_no_agent BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE queue_group ADD COLUMN overflow_group_id BIGINT REFERENCES queue_group (id) ON DELETE SET NULL;
ALTER TABLE phone_call ADD COLUMN wait_limit TIMESTAMP WITH TIME ZONE;
ALTER TABLE phone_call ADD COLUMN overflowed_from VARCHAR(64);
