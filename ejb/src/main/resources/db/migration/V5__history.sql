-- History and reports (SPEC B6, E6): the account-wide agent-state report reads the trail by
-- account and time, as the call report already reads phone_call (phone_call_account_arrived).

CREATE INDEX agent_state_change_account_at ON agent_state_change (account_id, changed_at);
