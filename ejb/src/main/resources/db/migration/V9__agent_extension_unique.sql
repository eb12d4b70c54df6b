-- One phone rings one agent: an extension belongs to at most one agent of its account.
-- Where agents already share one, the earliest created keeps it and the others lose it (their
-- admin gives them another); nothing else about them changes.
UPDATE agent SET extension = NULL
WHERE extension IS NOT NULL
  AND EXISTS (SELECT 1 FROM agent earlier
              WHERE earlier.account_id = agent.account_id
                AND earlier.extension = agent.extension
                AND earlier.id < agent.id);

-- The unique constraint's own index serves the switch's look-ups by extension.
DROP INDEX agent_account_extension;
ALTER TABLE agent ADD CONSTRAINT agent_extension_unique UNIQUE (account_id, extension);
