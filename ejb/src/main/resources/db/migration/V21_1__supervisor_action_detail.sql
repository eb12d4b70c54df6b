-- What a supervisor's action changed, where its kind alone does not say (which group, which way).
ALTER TABLE supervisor_action ADD COLUMN detail VARCHAR(120);
