-- A group may send the calls that come outside its opening hours to its callback list (SPEC E2)
-- instead of turning them away: none does at first.
ALTER TABLE queue_group ADD COLUMN callback_when_closed BOOLEAN DEFAULT FALSE NOT NULL;
