-- A group's opening hours (SPEC E2), as written by the admin: week-day windows and holidays, read
-- in the account's time zone; empty, the group is always open.
ALTER TABLE queue_group ADD COLUMN opening_hours VARCHAR(512) DEFAULT '' NOT NULL;
ALTER TABLE queue_group ADD COLUMN holidays VARCHAR(2048) DEFAULT '' NOT NULL;
