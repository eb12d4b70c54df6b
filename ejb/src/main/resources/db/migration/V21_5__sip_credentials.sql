-- The digest HA1 of each agent's SIP password (never the password): none at first, so that no
-- phone registers before its admin gives its agent a SIP password.
ALTER TABLE agent ADD COLUMN sip_ha1 VARCHAR(32);
