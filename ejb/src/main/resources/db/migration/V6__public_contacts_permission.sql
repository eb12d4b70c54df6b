-- Whether an agent's profile lets it add, change and delete the account's public contacts
-- (SPEC B10); admins and supervisors may always.
ALTER TABLE agent ADD COLUMN public_contacts_editable BOOLEAN DEFAULT FALSE NOT NULL;
