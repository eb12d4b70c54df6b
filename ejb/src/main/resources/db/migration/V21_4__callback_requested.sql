-- When a queued caller asked to be called back, keeping its place in the queue (SPEC X1).
ALTER TABLE phone_call ADD COLUMN callback_requested_at TIMESTAMP WITH TIME ZONE;
