-- An agent's lines (SPEC B12): a consult call names the call it was placed from and whom it went
-- to; a line on hold says since when, and the time already spent on hold is counted apart from talk;
-- a transferred call says to whom. The callee also names a consulted agent or group.
ALTER TABLE phone_call ADD COLUMN consult_of BIGINT REFERENCES phone_call (id) ON DELETE SET NULL;
ALTER TABLE phone_call ADD COLUMN consult_target VARCHAR(8);
ALTER TABLE phone_call ADD COLUMN held_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE phone_call ADD COLUMN hold_seconds BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE phone_call ADD COLUMN transferred_to VARCHAR(64);
ALTER TABLE phone_call ALTER COLUMN callee SET DATA TYPE VARCHAR(64);
CREATE INDEX phone_call_consult_of ON phone_call (consult_of);
