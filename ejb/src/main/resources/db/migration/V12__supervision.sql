-- Supervision (SPEC E5): the wallboard's figures.

-- A group's service level target: a call answered within this many seconds in queue is answered
-- in time; the industry's usual 20 for the groups created before it.
ALTER TABLE queue_group ADD COLUMN service_level_seconds INTEGER DEFAULT 20 NOT NULL;
