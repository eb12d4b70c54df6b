-- The account's calendar (today, this week, reports, calling hours) follows its own time zone, a
-- name of the tz database; accounts created before it live in the default one.
ALTER TABLE account ADD COLUMN time_zone VARCHAR(64) DEFAULT 'Europe/Paris' NOT NULL;
