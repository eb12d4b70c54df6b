-- The switch names an agent by its extension in every event it reports (answered, hung up):
-- find the agent without reading every agent of the account.
CREATE INDEX agent_account_extension ON agent (account_id, extension);
