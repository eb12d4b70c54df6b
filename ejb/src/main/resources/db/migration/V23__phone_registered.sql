-- Whether the connected agent's phone is registered with the switch (SPEC F2): a phone that is not
-- cannot be rung, and its agent is offered no call. Agents connected before this column existed
-- keep being offered calls, as they were, until the switch says otherwise.
ALTER TABLE agent_presence ADD COLUMN phone_registered BOOLEAN DEFAULT TRUE NOT NULL;
